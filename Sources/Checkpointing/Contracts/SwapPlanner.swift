/// The contract of the SwapPlanner exercise: which activations to copy to host memory.
///
/// The cost model (also in the lesson, section "Swapping to host memory"):
///
/// 1. One compute stream runs the forwards of layers 0, 1, …, N − 1 back to back from time 0,
///    then the backwards of layers N − 1, …, 0.
/// 2. One copy link of `bandwidth` bytes per second carries one transfer at a time, in this
///    order: the swap-outs of the swapped layers by increasing layer, then their swap-ins by
///    decreasing layer. Moving layer i's activation takes `activationBytes / bandwidth` seconds.
/// 3. The swap-out of layer i starts when both its forward and the previous transfer have ended.
/// 4. The swap-in of layer i starts when both the previous transfer has ended and the backward
///    pass has reached layer i + 1: the start of layer i + 1's backward, or the end of the
///    forward pass for the last layer. (Prefetching one layer ahead keeps host copies on the
///    host for as long as possible.)
/// 5. The backward of layer i starts when both the backward above it (or the forward pass) has
///    ended and, if layer i is swapped, its swap-in has ended.
/// 6. The step time is the end of layer 0's backward.
/// 7. The activation memory of a plan is the bytes of the layers it keeps (does not swap).
public protocol SwapPlanner {
  /// The step time of `problem` when exactly the layers in `swapped` are swapped.
  func stepTime(_ problem: SwapProblem, swapping swapped: Set<Int>) throws -> Double
  /// A plan whose kept bytes are at most `problem.memoryBudget` (equal fits) with the smallest
  /// step time.
  func plan(_ problem: SwapProblem) throws -> SwapPlan
}

/// One layer as the swap planner sees it.
public struct SwapLayer: Equatable, Sendable {
  /// Seconds of the layer's forward.
  public let forwardSeconds: Double
  /// Seconds of the layer's backward.
  public let backwardSeconds: Double
  /// Bytes of the activation the layer keeps for its backward.
  public let activationBytes: Int

  /// Creates a layer; times and bytes must not be negative.
  public init(forwardSeconds: Double, backwardSeconds: Double, activationBytes: Int) throws {
    try precondition(
      forwardSeconds >= 0 && backwardSeconds >= 0 && forwardSeconds.isFinite
        && backwardSeconds.isFinite,
      orThrow: "layer times must be finite and not negative: \(forwardSeconds), \(backwardSeconds)")
    try precondition(activationBytes >= 0, orThrow: "a layer of \(activationBytes) bytes")
    self.forwardSeconds = forwardSeconds
    self.backwardSeconds = backwardSeconds
    self.activationBytes = activationBytes
  }
}

/// A chain of layers, a link and a memory budget.
public struct SwapProblem: Equatable, Sendable {
  /// The layers, 0 first.
  public let layers: [SwapLayer]
  /// Bytes per second of the host link, one direction at a time.
  public let bandwidth: Double
  /// The most activation bytes the device may keep.
  public let memoryBudget: Int

  /// Creates a problem; the bandwidth must be positive and the budget not negative.
  public init(layers: [SwapLayer], bandwidth: Double, memoryBudget: Int) throws {
    try precondition(bandwidth > 0 && bandwidth.isFinite, orThrow: "a bandwidth of \(bandwidth)")
    try precondition(memoryBudget >= 0, orThrow: "a memory budget of \(memoryBudget) bytes")
    self.layers = layers
    self.bandwidth = bandwidth
    self.memoryBudget = memoryBudget
  }
}

/// A planner's answer.
public struct SwapPlan: Equatable, Sendable, Codable {
  /// The layers whose activations go to host memory.
  public var swapped: Set<Int>
  /// The step time of this plan under the cost model.
  public var stepSeconds: Double
  /// The bytes of the layers kept on the device.
  public var keptBytes: Int

  /// Creates a plan.
  public init(swapped: Set<Int>, stepSeconds: Double, keptBytes: Int) {
    self.swapped = swapped
    self.stepSeconds = stepSeconds
    self.keptBytes = keptBytes
  }
}
