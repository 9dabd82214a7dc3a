/// The allocator the harness hands to a forward pass: it gives out `Float` buffers and counts
/// every byte, so that memory is measured by the harness and never reported by the student.
///
/// Each allocation and each free is an event; the live bytes after each event form the
/// allocator's timeline, and the largest live total is the peak.
///
/// ```swift
/// let allocator = ActivationAllocator()
/// let a = try allocator.allocate(count: 1024)   // 4096 bytes live
/// try allocator.free(a)                          // 0 bytes live, peak 4096
/// ```
///
/// With `recording: false` it keeps only the counters (live, peak, allocations, frees), which
/// costs a few additions per call: the mode for benchmarks.
public final class ActivationAllocator {
  /// Whether events and buffers are kept for inspection.
  public let recording: Bool
  /// Bytes allocated and not yet freed.
  public private(set) var liveBytes = 0
  /// The largest `liveBytes` has been.
  public private(set) var peakBytes = 0
  /// How many buffers were allocated.
  public private(set) var allocationCount = 0
  /// How many buffers were freed.
  public private(set) var freeCount = 0
  /// Every allocation and free, in order (empty unless recording).
  public private(set) var events: [AllocationEvent] = []
  /// Every buffer allocated, in order, kept so a grader can look inside (empty unless recording).
  public private(set) var buffers: [ActivationBuffer] = []
  private var freed: Set<Int> = []

  /// Creates an allocator with nothing live.
  public init(recording: Bool = true) {
    self.recording = recording
  }

  /// Live bytes after each event: the memory-over-time curve.
  public var timeline: [Int] { events.map(\.liveBytesAfter) }

  /// A new buffer of `count` zeroed `Float`s.
  ///
  /// - Throws: `AllocatorError.negativeCount` when `count < 0`.
  public func allocate(count: Int) throws -> ActivationBuffer {
    guard count >= 0 else { throw AllocatorError.negativeCount(count) }
    let buffer = ActivationBuffer(id: allocationCount, count: count)
    allocationCount += 1
    liveBytes += buffer.bytes
    peakBytes = max(peakBytes, liveBytes)
    if recording {
      buffers.append(buffer)
      events.append(
        AllocationEvent(
          kind: .allocate, buffer: buffer.id, bytes: buffer.bytes, liveBytesAfter: liveBytes))
    }
    return buffer
  }

  /// Returns `buffer`'s bytes to the allocator. The buffer must not be used for activations
  /// afterwards (its storage stays valid only so that a mistake cannot corrupt memory).
  ///
  /// - Throws: `AllocatorError.foreignBuffer` for a buffer from another allocator,
  ///   `AllocatorError.doubleFree` for one already freed.
  public func free(_ buffer: ActivationBuffer) throws {
    guard buffer.id < allocationCount, !recording || buffers[buffer.id] === buffer else {
      throw AllocatorError.foreignBuffer(buffer.id)
    }
    guard freed.insert(buffer.id).inserted else { throw AllocatorError.doubleFree(buffer.id) }
    freeCount += 1
    liveBytes -= buffer.bytes
    if recording {
      events.append(
        AllocationEvent(
          kind: .free, buffer: buffer.id, bytes: buffer.bytes, liveBytesAfter: liveBytes))
    }
  }
}

/// One allocation or free, as the allocator recorded it.
public struct AllocationEvent: Equatable, Sendable {
  /// Whether bytes were taken or given back.
  public enum Kind: String, Sendable {
    /// A buffer was allocated.
    case allocate
    /// A buffer was freed.
    case free
  }

  /// Allocation or free.
  public let kind: Kind
  /// The buffer's id.
  public let buffer: Int
  /// The buffer's size in bytes.
  public let bytes: Int
  /// Bytes live right after the event.
  public let liveBytesAfter: Int
}

/// A misuse of the `ActivationAllocator`, with a one-line message.
public enum AllocatorError: Error, Equatable, Codable, CustomStringConvertible {
  /// `allocate(count:)` was asked for a negative number of elements.
  case negativeCount(Int)
  /// `free(_:)` was given a buffer this allocator did not hand out.
  case foreignBuffer(Int)
  /// `free(_:)` was given a buffer that was already freed.
  case doubleFree(Int)

  /// The one-line message.
  public var description: String {
    switch self {
    case .negativeCount(let count): return "cannot allocate a buffer of \(count) elements"
    case .foreignBuffer(let id): return "buffer \(id) does not belong to this allocator"
    case .doubleFree(let id): return "buffer \(id) was already freed"
    }
  }
}
