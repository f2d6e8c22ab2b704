//! Models: people (being assembled).
