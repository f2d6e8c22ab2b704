//! A fake Crisp server on loopback (being assembled).
