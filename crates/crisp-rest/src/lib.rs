//! crisp-rest (being assembled).
