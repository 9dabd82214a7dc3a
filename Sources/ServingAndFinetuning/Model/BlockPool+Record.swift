/// One call on a `BlockPool` that can change it, as the runner records it for the judge (see
/// Harness's `Tape`).
public enum BlockPoolCall: Codable, Equatable, Sendable {
  /// `allocate()`.
  case allocate
  /// `release(_:)` of this block.
  case release(Int)
  /// `write(_:block:slot:)`.
  case write(token: Int, block: Int, slot: Int)
  /// `copy(from:to:slots:)`.
  case copy(from: Int, to: Int, slots: Int)
}

extension BlockPool {
  /// How far the journal had got before a call: `record(since:)` takes what came after.
  public var mark: Int { journal.count }

  /// The calls made on the pool since `mark`, for the tape.
  public func record(since mark: Int) -> [BlockPoolCall] {
    Array(journal.dropFirst(mark))
  }

  /// Makes again, on this pool, the calls the runner's pool received: through the pool's own
  /// bookkeeping, so its meters (blocks in use, peak, copies, overwrites) and contents are this
  /// pool's measurements, never figures the runner reports. Calls that fail here failed there
  /// too, from the same state, and change nothing.
  public func replay(_ calls: [BlockPoolCall]) {
    for call in calls {
      switch call {
      case .allocate: _ = try? allocate()
      case .release(let block): try? release(block)
      case .write(let token, let block, let slot): try? write(token, block: block, slot: slot)
      case .copy(let source, let destination, let slots):
        try? copy(from: source, to: destination, slots: slots)
      }
    }
  }
}
