import Harness
import InferenceMemory

// One proxy per contract: in the runner each call runs the student's code and is recorded; in
// the judge (no student code) each call is answered from the record. See `Tape`.

/// `TensorSizing` through a tape.
struct TensorSizingProxy: TensorSizing, Sendable {
  let tape: Tape
  let base: (any TensorSizing & Sendable)?

  func tensorBytes(shape: [Int], element: ElementType) throws -> Int {
    try tape.call("tensorBytes") { try base!.tensorBytes(shape: shape, element: element) }
  }

  func convolutionActivationBytes(
    batch: Int, channels: Int, height: Int, width: Int, element: ElementType
  ) throws -> Int {
    try tape.call("convolutionActivationBytes") {
      try base!.convolutionActivationBytes(
        batch: batch, channels: channels, height: height, width: width, element: element)
    }
  }

  func mlpActivationBytes(batch: Int, m: Int, p: Int, element: ElementType) throws -> Int {
    try tape.call("mlpActivationBytes") {
      try base!.mlpActivationBytes(batch: batch, m: m, p: p, element: element)
    }
  }

  func transformerActivationBytes(
    batch: Int, sequence: Int, hidden: Int, element: ElementType
  ) throws -> Int {
    try tape.call("transformerActivationBytes") {
      try base!.transformerActivationBytes(
        batch: batch, sequence: sequence, hidden: hidden, element: element)
    }
  }

  func gpt3Parameters(layers: Int, dModel: Int, vocabulary: Int, context: Int) throws -> Int {
    try tape.call("gpt3Parameters") {
      try base!.gpt3Parameters(
        layers: layers, dModel: dModel, vocabulary: vocabulary, context: context)
    }
  }

  func weightBytes(parameters: Int, element: ElementType) throws -> Int {
    try tape.call("weightBytes") { try base!.weightBytes(parameters: parameters, element: element) }
  }
}

/// `LifetimePlanning` through a tape.
struct LifetimePlanningProxy: LifetimePlanning, Sendable {
  let tape: Tape
  let base: (any LifetimePlanning & Sendable)?

  func lifetimes(_ graph: ComputationGraph) throws -> [TensorLifetime] {
    try tape.call("lifetimes") { try base!.lifetimes(graph) }
  }

  func peakBytes(_ graph: ComputationGraph) throws -> Int {
    try tape.call("peakBytes") { try base!.peakBytes(graph) }
  }

  func assignBuffers(_ graph: ComputationGraph) throws -> BufferAssignment {
    try tape.call("assignBuffers") { try base!.assignBuffers(graph) }
  }
}

/// `PingPongForward` through a tape. The allocator is the grader's measuring instrument: in the
/// runner it measures the student's forward; what it saw is recorded and done again on the
/// judge's own allocator, whose counts and peaks the grader then reads.
struct PingPongForwardProxy: PingPongForward, Sendable {
  let tape: Tape
  let base: (any PingPongForward & Sendable)?

  func forward(_ mlp: MLP, input: [Float], batch: Int, allocator: ActivationAllocator) throws
    -> [Float]
  {
    let mark = allocator.mark
    let output = try tape.call(
      "forward", state: { allocator.record(since: mark) }, restore: { allocator.replay($0) }
    ) {
      try base!.forward(mlp, input: input, batch: batch, allocator: allocator).map(\.bitPattern)
    }
    return output.map(Float.init(bitPattern:))
  }
}

extension InferenceMemoryGraders {
  /// Each contract's proxy on `tape`, around `edition`'s implementation (nil in the judge).
  public static func proxies(on tape: Tape, around edition: InferenceMemoryEdition?)
    -> InferenceMemoryEdition
  {
    (
      sizing: TensorSizingProxy(tape: tape, base: edition?.sizing),
      forward: PingPongForwardProxy(tape: tape, base: edition?.forward),
      planner: LifetimePlanningProxy(tape: tape, base: edition?.planner)
    )
  }
}
