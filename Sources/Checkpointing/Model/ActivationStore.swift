/// The device memory a schedule keeps activations in, with a meter on it.
///
/// The harness hands a store to the student's code. Activation 0 (the input) goes in with
/// `storeInput(_:)`; every other activation is written by `Chain.forward(layer:in:)`, and
/// `Chain.backward(layer:outputGradient:in:)` reads its input and output from here. The student
/// decides only what to `free` and when, so the counts below are measured, never reported.
///
/// Counts: how many activations are live, how many bytes they take, the peaks of both, how many
/// layer forwards and backwards ran, and a timeline of every change (for the pictures).
public final class ActivationStore {
  private var live: [Int: Tensor] = [:]
  private let recordsTimeline: Bool

  /// Activations stored now.
  public private(set) var liveCount = 0
  /// The most activations ever stored at once.
  public private(set) var peakLiveCount = 0
  /// Bytes of the activations stored now.
  public private(set) var liveBytes = 0
  /// The most bytes ever stored at once: the activation memory a device would need.
  public private(set) var peakLiveBytes = 0
  /// Layer forwards run through `Chain.forward(layer:in:)`, recomputations included.
  public private(set) var forwardCalls = 0
  /// Layer backwards run through `Chain.backward(layer:outputGradient:in:)`.
  public private(set) var backwardCalls = 0
  /// Every operation, with the live count and bytes just after it (empty when not recording).
  public private(set) var timeline: [StoreSample] = []

  /// Creates an empty store; `recordingTimeline: false` keeps long runs from growing a log.
  public init(recordingTimeline: Bool = true) {
    recordsTimeline = recordingTimeline
  }

  /// Puts a batch in as activation 0, the input of layer 0.
  public func storeInput(_ input: Tensor) throws {
    try put(input, at: 0, by: .input)
  }

  /// A copy of activation `index`, for looking at it; layers read the store themselves.
  public func load(_ index: Int) throws -> Tensor {
    try load(index, for: "load(\(index))")
  }

  /// Drops activation `index`, giving its memory back.
  public func free(_ index: Int) throws {
    guard let tensor = live.removeValue(forKey: index) else {
      throw CheckpointingError(
        "free(\(index)): activation \(index) is not stored (live: \(liveIndices))")
    }
    liveCount -= 1
    liveBytes -= tensor.byteCount
    sample(.free(index: index))
  }

  /// Whether activation `index` is stored now.
  /// Everything the grader can read from the store, as the runner records it after a call
  /// (see Harness's `Tape`); the live activations by index and shape only.
  public var record: StoreRecord {
    StoreRecord(
      live: live.keys.sorted().map { [$0, live[$0]!.rows, live[$0]!.columns] },
      counts: [
        liveCount, peakLiveCount, liveBytes, peakLiveBytes, forwardCalls, backwardCalls,
      ],
      timeline: timeline)
  }

  /// Puts the judge's store in the state the runner's store recorded: the harness measured it
  /// there, and the grader reads it here. A record that does not add up fails its check.
  public func restore(_ record: StoreRecord) {
    live = [:]
    for entry in record.live where entry.count == 3 && entry[1] >= 0 && entry[2] >= 0 {
      live[entry[0]] = Tensor.zeros(rows: entry[1], columns: entry[2])
    }
    let counts = record.counts + [Int](repeating: 0, count: max(0, 6 - record.counts.count))
    (liveCount, peakLiveCount, liveBytes, peakLiveBytes, forwardCalls, backwardCalls) = (
      counts[0], counts[1], counts[2], counts[3], counts[4], counts[5]
    )
    timeline = record.timeline
  }

  public func contains(_ index: Int) -> Bool {
    live[index] != nil
  }

  /// The indices of the stored activations, in increasing order.
  public var liveIndices: [Int] {
    live.keys.sorted()
  }

  func load(_ index: Int, for purpose: String) throws -> Tensor {
    guard let tensor = live[index] else {
      throw CheckpointingError(
        "\(purpose) needs activation \(index), which is not stored (live: \(liveIndices))")
    }
    return tensor
  }

  func put(_ tensor: Tensor, at index: Int, by operation: StoreOperation) throws {
    try precondition(
      live[index] == nil,
      orThrow: "activation \(index) is already stored; free it before storing it again")
    live[index] = tensor
    liveCount += 1
    liveBytes += tensor.byteCount
    peakLiveCount = max(peakLiveCount, liveCount)
    peakLiveBytes = max(peakLiveBytes, liveBytes)
    if case .forward = operation { forwardCalls += 1 }
    sample(operation)
  }

  func record(_ operation: StoreOperation) {
    if case .backward = operation { backwardCalls += 1 }
    sample(operation)
  }

  private func sample(_ operation: StoreOperation) {
    guard recordsTimeline else { return }
    timeline.append(StoreSample(operation: operation, liveCount: liveCount, liveBytes: liveBytes))
  }
}

/// One thing that happened to an `ActivationStore`.
public enum StoreOperation: Equatable, Sendable, Codable {
  /// The input batch was stored as activation 0.
  case input
  /// Layer `layer` ran forward and stored activation `layer + 1`.
  case forward(layer: Int)
  /// Layer `layer` ran backward, reading activations `layer` and `layer + 1`.
  case backward(layer: Int)
  /// Activation `index` was freed.
  case free(index: Int)
}

/// The state of a store just after one operation.
public struct StoreSample: Equatable, Sendable, Codable {
  /// What happened.
  public let operation: StoreOperation
  /// Activations stored after it.
  public let liveCount: Int
  /// Their bytes.
  public let liveBytes: Int
}

/// An activation store's state after a call, as the tape carries it.
public struct StoreRecord: Codable, Sendable {
  /// Each live activation as `[index, rows, columns]`.
  public var live: [[Int]]
  /// Live count, peak count, live bytes, peak bytes, forward calls, backward calls.
  public var counts: [Int]
  /// The store's timeline.
  public var timeline: [StoreSample]
}
