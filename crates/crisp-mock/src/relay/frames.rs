//! Just enough WebSocket framing (RFC 6455 §5.2) for the fault proxy: finding
//! frame boundaries in the server-to-client byte stream, and building the few
//! frames the proxy writes itself.

/// The opcode of a text frame.
pub(crate) const OPCODE_TEXT: u8 = 0x1;
/// The opcode of a continuation frame.
const OPCODE_CONTINUATION: u8 = 0x0;
/// The opcode of a binary frame.
const OPCODE_BINARY: u8 = 0x2;

/// How many payload bytes of each frame are kept for [`FrameEnd::prefix`].
const PREFIX_LEN: usize = 8;

/// A frame that ended inside a chunk fed to [`FrameTracker::feed`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct FrameEnd {
    /// Offset in the chunk just after the frame's last byte.
    pub(crate) offset: usize,
    /// The frame's opcode.
    pub(crate) opcode: u8,
    /// The payload length.
    pub(crate) len: u64,
    /// The first payload bytes (at most [`PREFIX_LEN`]; unmasked server frames).
    pub(crate) prefix: Vec<u8>,
    /// Whether a new frame may be written after this one without splitting a
    /// fragmented message.
    pub(crate) injectable: bool,
}

impl FrameEnd {
    /// Whether this frame is a complete text frame whose payload is exactly `text`.
    pub(crate) fn is_text(&self, text: &[u8]) -> bool {
        self.opcode == OPCODE_TEXT && self.len == text.len() as u64 && self.prefix == text
    }
}

/// Follows a stream of WebSocket frames across arbitrary read boundaries.
#[derive(Debug, Default)]
pub(crate) struct FrameTracker {
    /// Header bytes of the current frame read so far (empty between frames
    /// and while in a payload).
    head: Vec<u8>,
    /// Whether the current frame's header is complete.
    in_payload: bool,
    /// Payload bytes of the current frame still to come.
    remaining: u64,
    /// The current frame's opcode.
    opcode: u8,
    /// The current frame's FIN bit.
    fin: bool,
    /// The current frame's payload length.
    len: u64,
    /// The current frame's first payload bytes.
    prefix: Vec<u8>,
    /// Whether a fragmented data message is in progress (FIN=0 data frame seen,
    /// final continuation not yet).
    fragmented: bool,
}

impl FrameTracker {
    /// Whether the stream is between frames and not inside a fragmented
    /// message, i.e. a new frame may be written now.
    pub(crate) fn at_boundary(&self) -> bool {
        !self.in_payload && self.head.is_empty() && !self.fragmented
    }

    /// Feeds the next chunk of the stream; returns every frame that ended in it.
    pub(crate) fn feed(&mut self, data: &[u8]) -> Vec<FrameEnd> {
        let mut ends = Vec::new();
        let mut at = 0;
        while at < data.len() {
            if self.in_payload {
                let available = (data.len() - at) as u64;
                let take = usize::try_from(self.remaining.min(available)).unwrap_or(data.len() - at);
                let room = PREFIX_LEN.saturating_sub(self.prefix.len()).min(take);
                self.prefix.extend_from_slice(&data[at..at + room]);
                at += take;
                self.remaining -= take as u64;
                if self.remaining == 0 {
                    ends.push(self.finish(at));
                }
                continue;
            }
            self.head.push(data[at]);
            at += 1;
            if let Some(len) = header_complete(&self.head) {
                self.opcode = self.head[0] & 0x0f;
                self.fin = self.head[0] & 0x80 != 0;
                self.len = len;
                self.remaining = len;
                self.prefix.clear();
                self.head.clear();
                self.in_payload = true;
                if len == 0 {
                    ends.push(self.finish(at));
                }
            }
        }
        ends
    }

    /// Closes the current frame, which ended at `offset`.
    fn finish(&mut self, offset: usize) -> FrameEnd {
        self.in_payload = false;
        match self.opcode {
            OPCODE_TEXT | OPCODE_BINARY => self.fragmented = !self.fin,
            OPCODE_CONTINUATION if self.fin => self.fragmented = false,
            _ => {}
        }
        FrameEnd {
            offset,
            opcode: self.opcode,
            len: self.len,
            prefix: std::mem::take(&mut self.prefix),
            injectable: !self.fragmented,
        }
    }
}

/// The payload length once `head` holds a whole frame header, else `None`.
fn header_complete(head: &[u8]) -> Option<u64> {
    let second = *head.get(1)?;
    let masked = second & 0x80 != 0;
    let (extended, len) = match second & 0x7f {
        126 => {
            let bytes = head.get(2..4)?;
            (2, u64::from(u16::from_be_bytes([bytes[0], bytes[1]])))
        }
        127 => {
            let bytes: [u8; 8] = head.get(2..10)?.try_into().ok()?;
            (8, u64::from_be_bytes(bytes))
        }
        short => (0, u64::from(short)),
    };
    let total = 2 + extended + if masked { 4 } else { 0 };
    (head.len() == total).then_some(len)
}

/// An unmasked (server-to-client) frame with FIN set.
pub(crate) fn server_frame(opcode: u8, payload: &[u8]) -> Vec<u8> {
    let mut frame = Vec::with_capacity(payload.len() + 10);
    frame.push(0x80 | (opcode & 0x0f));
    let len = payload.len();
    if len < 126 {
        frame.push(len as u8);
    } else if let Ok(len) = u16::try_from(len) {
        frame.push(126);
        frame.extend_from_slice(&len.to_be_bytes());
    } else {
        frame.push(127);
        frame.extend_from_slice(&(len as u64).to_be_bytes());
    }
    frame.extend_from_slice(payload);
    frame
}

/// A close frame with status 1000 (normal closure).
pub(crate) fn close_frame() -> Vec<u8> {
    server_frame(0x8, &1000_u16.to_be_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn masked_client_frame(payload: &[u8]) -> Vec<u8> {
        let mut frame = vec![0x81, 0x80 | payload.len() as u8, 1, 2, 3, 4];
        frame.extend(payload.iter().enumerate().map(|(i, b)| b ^ [1, 2, 3, 4][i % 4]));
        frame
    }

    #[test]
    fn builds_all_three_length_forms() {
        assert_eq!(server_frame(OPCODE_TEXT, b"40"), vec![0x81, 2, b'4', b'0']);
        let medium = server_frame(OPCODE_TEXT, &[b'x'; 300]);
        assert_eq!(&medium[..4], &[0x81, 126, 0x01, 0x2c]);
        assert_eq!(medium.len(), 304);
        let large = server_frame(OPCODE_TEXT, &vec![b'y'; 70_000]);
        assert_eq!(&large[..10], &[0x81, 127, 0, 0, 0, 0, 0, 0x01, 0x11, 0x70]);
        assert_eq!(large.len(), 70_010);
        assert_eq!(close_frame(), vec![0x88, 2, 0x03, 0xe8]);
    }

    #[test]
    fn finds_boundaries_across_every_split() {
        let mut stream = server_frame(OPCODE_TEXT, b"2");
        stream.extend(server_frame(OPCODE_TEXT, &[b'a'; 300]));
        stream.extend(server_frame(OPCODE_TEXT, &vec![b'b'; 70_000]));
        stream.extend(server_frame(OPCODE_TEXT, b"41"));
        stream.extend(server_frame(0x9, b""));
        let expected_ends = [
            3,
            3 + 304,
            3 + 304 + 70_010,
            3 + 304 + 70_010 + 4,
            3 + 304 + 70_010 + 4 + 2,
        ];
        for split in [1, 2, 3, 7, 301, 4096, stream.len()] {
            let mut tracker = FrameTracker::default();
            let mut ends = Vec::new();
            let mut base = 0;
            for chunk in stream.chunks(split) {
                ends.extend(tracker.feed(chunk).into_iter().map(|end| (base + end.offset, end)));
                base += chunk.len();
            }
            let offsets: Vec<usize> = ends.iter().map(|(offset, _)| *offset).collect();
            assert_eq!(offsets, expected_ends, "split {split}");
            assert!(ends[0].1.is_text(b"2"));
            assert_eq!(ends[1].1.len, 300);
            assert_eq!(ends[2].1.len, 70_000);
            assert_eq!(ends[2].1.prefix, b"bbbbbbbb");
            assert!(ends[3].1.is_text(b"41"));
            assert_eq!(ends[4].1.opcode, 0x9);
            assert!(tracker.at_boundary());
        }
    }

    #[test]
    fn masked_frames_and_fragmented_messages() {
        let mut tracker = FrameTracker::default();
        let ends = tracker.feed(&masked_client_frame(b"42[]"));
        assert_eq!(ends.len(), 1);
        assert_eq!(ends[0].offset, 10);
        assert!(tracker.at_boundary());

        // Text frame without FIN, a ping in between, then the final continuation.
        let first = [0x01, 1, b'a'];
        let ping = [0x89, 0];
        let last = [0x80, 1, b'b'];
        let ends = tracker.feed(&first);
        assert!(!ends[0].injectable);
        assert!(!tracker.at_boundary());
        let ends = tracker.feed(&ping);
        assert!(!ends[0].injectable);
        let ends = tracker.feed(&last);
        assert!(ends[0].injectable);
        assert!(tracker.at_boundary());
    }

    #[test]
    fn mid_header_is_not_a_boundary() {
        let mut tracker = FrameTracker::default();
        assert!(tracker.feed(&[0x81]).is_empty());
        assert!(!tracker.at_boundary());
        assert_eq!(tracker.feed(&[1, b'x']).len(), 1);
        assert!(tracker.at_boundary());
    }
}
