import Harness

/// What an allocator saw during one call, as the runner records it for the judge (see
/// Harness's `Tape`): every allocation and free, in order, and the final contents of the
/// buffers the call allocated, as bit patterns.
public struct AllocatorRecord: Codable, Sendable {
  /// One event: an allocation of `count` elements, or the free of buffer `buffer`.
  public struct Event: Codable, Sendable {
    /// `true` for an allocation, `false` for a free.
    public var allocates: Bool
    /// The buffer's id.
    public var buffer: Int
    /// The buffer's element count.
    public var count: Int
  }

  /// The events of the call, in order.
  public var events: [Event]
  /// The contents of each buffer the call allocated, in allocation order.
  public var contents: [[UInt32]]
}

extension ActivationAllocator {
  /// How far the allocator had got before a call: `record(since:)` takes what came after.
  public var mark: (events: Int, buffers: Int) { (events.count, buffers.count) }

  /// What happened since `mark`, for the tape.
  public func record(since mark: (events: Int, buffers: Int)) -> AllocatorRecord {
    AllocatorRecord(
      events: events.dropFirst(mark.events).map {
        AllocatorRecord.Event(
          allocates: $0.kind == .allocate, buffer: $0.buffer,
          count: $0.bytes / MemoryLayout<Float>.size)
      },
      contents: buffers.dropFirst(mark.buffers).map { buffer in
        buffer.elements.map(\.bitPattern)
      })
  }

  /// Does again, on this allocator, what `record` says happened on the runner's: the same
  /// allocations and frees through the harness's own bookkeeping (so counts and peaks are
  /// this allocator's), then the recorded contents. An event this allocator refuses, or
  /// contents that do not fit, are dropped: a record that does not add up fails its check.
  public func replay(_ record: AllocatorRecord) {
    let first = buffers.count
    for event in record.events {
      if event.allocates {
        _ = try? allocate(count: event.count)
      } else if event.buffer >= 0, event.buffer < buffers.count {
        try? free(buffers[event.buffer])
      }
    }
    for (offset, values) in record.contents.enumerated() where first + offset < buffers.count {
      let buffer = buffers[first + offset]
      for (index, bits) in values.prefix(buffer.count).enumerated() {
        buffer[index] = Float(bitPattern: bits)
      }
    }
  }
}
