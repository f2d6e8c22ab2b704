//! crisp facade (being assembled).
