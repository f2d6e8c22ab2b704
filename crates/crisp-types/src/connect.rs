//! Models: connect (being assembled).
