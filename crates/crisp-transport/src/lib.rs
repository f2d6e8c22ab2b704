//! The tower HTTP stack of the Crisp SDK (being assembled).
