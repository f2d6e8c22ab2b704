//! Models: conversation (being assembled).
