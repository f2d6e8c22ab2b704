//! Models: message (being assembled).
