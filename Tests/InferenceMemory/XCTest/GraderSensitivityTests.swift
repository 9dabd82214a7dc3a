#if canImport(InferenceMemorySolutions)
  import Harness
  import HarnessXCTest
  @_spi(Reference) import InferenceMemory
  import InferenceMemoryGraders
  import InferenceMemorySolutions
  import XCTest

  /// Proves the graders catch the usual mistakes: each mutant below is a plausible wrong
  /// answer, and at least one check of its exercise must fail on it.
  final class GraderSensitivityTests: XCTestCase {

    /// Grades one exercise with the given implementations and requires a failed check.
    private func assertCaught(
      _ exercise: String, sizing: some TensorSizing & Sendable = TensorSizer(),
      forward: some PingPongForward & Sendable = PingPongForwarder(),
      planner: some LifetimePlanning & Sendable = LifetimePlanner(), _ mutant: String,
      file: StaticString = #filePath, line: UInt = #line
    ) {
      let exercises = InferenceMemoryGraders.exercises(
        sizing: sizing, forward: forward, planner: planner)
      guard let chosen = exercises.first(where: { $0.name == exercise }) else {
        return XCTFail("no exercise \(exercise)", file: file, line: line)
      }
      let results = chosen.run()
      XCTAssertTrue(
        results.contains { !$0.passed }, "\(exercise) lets \(mutant) pass", file: file, line: line)
    }

    func testTensorSizingMutants() {
      assertCaught("TensorSizing", sizing: Int4RoundsDown(), "int4 rounding down")
      assertCaught("TensorSizing", sizing: TF32AsNineteenBits(), "tf32 as 19 bits")
      assertCaught("TensorSizing", sizing: NoPositionEmbedding(), "no position embedding")
    }

    func testPingPongMutants() {
      assertCaught("PingPongForward", forward: BiasFirst(), "bias added first")
      assertCaught("PingPongForward", forward: NaiveAllocations(), "a buffer per layer")
      assertCaught("PingPongForward", forward: HiddenWidestOnly(), "buffers ignoring the input")
      assertCaught("PingPongForward", forward: LocalArrays(), "activations in local arrays")
    }

    func testPlannerMutants() {
      assertCaught("LifetimePlanner", planner: OutputsDieEarly(), "outputs not kept to the end")
      assertCaught("LifetimePlanner", planner: IndexIsStep(), "operation index as step")
      assertCaught("LifetimePlanner", planner: NoSharing(), "a buffer per tensor")
      assertCaught("LifetimePlanner", planner: OneBuffer(), "everything in one buffer")
      assertCaught("LifetimePlanner", planner: SmallestFirst(), "smallest first")
    }
  }

  // MARK: TensorSizing mutants

  /// A sizing mutant changes one thing; everything else is derived from its `tensorBytes`
  /// (activations and weights are tensors) or taken from the reference solution.
  private protocol SizingMutant: TensorSizing, Sendable {}

  private struct Int4RoundsDown: SizingMutant {
    func tensorBytes(shape: [Int], element: ElementType) throws -> Int {
      shape.reduce(1, *) * element.storageBits / 8
    }
  }

  private struct TF32AsNineteenBits: SizingMutant {
    func tensorBytes(shape: [Int], element: ElementType) throws -> Int {
      let bits = element == .tf32 ? 19 : element.storageBits
      return (shape.reduce(1, *) * bits + 7) / 8
    }
  }

  private struct NoPositionEmbedding: SizingMutant {
    func tensorBytes(shape: [Int], element: ElementType) throws -> Int {
      try TensorSizer().tensorBytes(shape: shape, element: element)
    }
    func gpt3Parameters(layers: Int, dModel: Int, vocabulary: Int, context: Int) throws -> Int {
      12 * layers * dModel * dModel + vocabulary * dModel
    }
  }

  // MARK: PingPongForward mutants

  /// Ping-pong with a pluggable sum order and buffer size.
  private func pingPong(
    _ mlp: MLP, _ input: [Float], _ batch: Int, _ allocator: ActivationAllocator,
    widest: Int, biasFirst: Bool
  ) throws -> [Float] {
    var a = try allocator.allocate(count: widest * batch)
    var b = try allocator.allocate(count: widest * batch)
    for index in input.indices { a.elements[index] = input[index] }
    for layer in 0..<mlp.layerCount {
      let (n, m) = (mlp.widths[layer], mlp.widths[layer + 1])
      for sample in 0..<batch {
        for j in 0..<m {
          var sum: Float = biasFirst ? mlp.biases[layer][j] : 0
          for i in 0..<n { sum += mlp.weights[layer][j * n + i] * a.elements[sample * n + i] }
          if !biasFirst { sum += mlp.biases[layer][j] }
          b.elements[sample * m + j] = mlp.activation.apply(sum)
        }
      }
      swap(&a, &b)
    }
    return Array(a.elements.prefix(batch * (mlp.widths.last ?? 0)))
  }

  private struct BiasFirst: PingPongForward, Sendable {
    func forward(_ mlp: MLP, input: [Float], batch: Int, allocator: ActivationAllocator) throws
      -> [Float]
    {
      try pingPong(mlp, input, batch, allocator, widest: mlp.widths.max() ?? 0, biasFirst: true)
    }
  }

  private struct HiddenWidestOnly: PingPongForward, Sendable {
    func forward(_ mlp: MLP, input: [Float], batch: Int, allocator: ActivationAllocator) throws
      -> [Float]
    {
      // Sizes the buffers for the layer outputs and forgets the input; guarded so the mutant
      // stays wrong without trapping.
      let widest = max(mlp.widths.dropFirst().max() ?? 0, 1)
      guard widest >= mlp.widths[0] else {
        _ = try allocator.allocate(count: widest * batch)
        _ = try allocator.allocate(count: widest * batch)
        return NaiveForward.denseOutputs(mlp, input: input, batch: batch)
      }
      return try pingPong(mlp, input, batch, allocator, widest: widest, biasFirst: false)
    }
  }

  private struct NaiveAllocations: PingPongForward, Sendable {
    func forward(_ mlp: MLP, input: [Float], batch: Int, allocator: ActivationAllocator) throws
      -> [Float]
    {
      try NaiveForward.forward(mlp, input: input, batch: batch, allocator: allocator)
    }
  }

  private struct LocalArrays: PingPongForward, Sendable {
    func forward(_ mlp: MLP, input: [Float], batch: Int, allocator: ActivationAllocator) throws
      -> [Float]
    {
      let widest = mlp.widths.max() ?? 0
      _ = try allocator.allocate(count: widest * batch)
      _ = try allocator.allocate(count: widest * batch)
      return NaiveForward.denseOutputs(mlp, input: input, batch: batch)
    }
  }

  extension NaiveForward {
    /// The forward pass in plain arrays, outside any allocator.
    fileprivate static func denseOutputs(_ mlp: MLP, input: [Float], batch: Int) -> [Float] {
      (try? NaiveForward.forward(
        mlp, input: input, batch: batch, allocator: ActivationAllocator(recording: false))) ?? []
    }
  }

  // MARK: LifetimePlanner mutants

  private struct OutputsDieEarly: LifetimePlanning, Sendable {
    var base: LifetimePlanner { LifetimePlanner() }
    func lifetimes(_ graph: ComputationGraph) throws -> [TensorLifetime] {
      var first: [Int: Int] = [:]
      var last: [Int: Int] = [:]
      for (step, index) in graph.order.enumerated() {
        for tensor in graph.operations[index].inputs + graph.operations[index].outputs {
          first[tensor] = min(first[tensor] ?? step, step)
          last[tensor] = step
        }
      }
      return graph.tensors.indices.map {
        TensorLifetime(first: first[$0] ?? 0, last: last[$0] ?? 0)
      }
    }
    func peakBytes(_ graph: ComputationGraph) throws -> Int {
      let spans = try lifetimes(graph)
      return graph.order.indices.map { step in
        graph.tensors.indices.filter { spans[$0].first <= step && step <= spans[$0].last }
          .reduce(0) { $0 + graph.tensors[$1].bytes }
      }.max() ?? 0
    }
    func assignBuffers(_ graph: ComputationGraph) throws -> BufferAssignment {
      try base.assignBuffers(graph)
    }
  }

  private struct IndexIsStep: LifetimePlanning, Sendable {
    var base: LifetimePlanner { LifetimePlanner() }
    func lifetimes(_ graph: ComputationGraph) throws -> [TensorLifetime] {
      let inIndexOrder = try ComputationGraph(
        tensors: graph.tensors, operations: graph.operations,
        order: Array(graph.operations.indices), outputs: graph.outputs)
      return try base.lifetimes(inIndexOrder)
    }
    func peakBytes(_ graph: ComputationGraph) throws -> Int { try base.peakBytes(graph) }
    func assignBuffers(_ graph: ComputationGraph) throws -> BufferAssignment {
      try base.assignBuffers(graph)
    }
  }

  private struct NoSharing: LifetimePlanning, Sendable {
    var base: LifetimePlanner { LifetimePlanner() }
    func lifetimes(_ graph: ComputationGraph) throws -> [TensorLifetime] {
      try base.lifetimes(graph)
    }
    func peakBytes(_ graph: ComputationGraph) throws -> Int { try base.peakBytes(graph) }
    func assignBuffers(_ graph: ComputationGraph) throws -> BufferAssignment {
      BufferAssignment(
        bufferOfTensor: Array(graph.tensors.indices), bufferBytes: graph.tensors.map(\.bytes))
    }
  }

  private struct OneBuffer: LifetimePlanning, Sendable {
    var base: LifetimePlanner { LifetimePlanner() }
    func lifetimes(_ graph: ComputationGraph) throws -> [TensorLifetime] {
      try base.lifetimes(graph)
    }
    func peakBytes(_ graph: ComputationGraph) throws -> Int { try base.peakBytes(graph) }
    func assignBuffers(_ graph: ComputationGraph) throws -> BufferAssignment {
      BufferAssignment(
        bufferOfTensor: graph.tensors.map { _ in 0 },
        bufferBytes: [graph.tensors.map(\.bytes).max() ?? 0])
    }
  }

  private struct SmallestFirst: LifetimePlanning, Sendable {
    var base: LifetimePlanner { LifetimePlanner() }
    func lifetimes(_ graph: ComputationGraph) throws -> [TensorLifetime] {
      try base.lifetimes(graph)
    }
    func peakBytes(_ graph: ComputationGraph) throws -> Int { try base.peakBytes(graph) }
    func assignBuffers(_ graph: ComputationGraph) throws -> BufferAssignment {
      let spans = try lifetimes(graph)
      let ranked = graph.tensors.indices.sorted {
        graph.tensors[$0].bytes < graph.tensors[$1].bytes
      }
      var tenants: [[Int]] = []
      var plan = BufferAssignment(
        bufferOfTensor: Array(repeating: 0, count: graph.tensors.count), bufferBytes: [])
      for tensor in ranked {
        if let buffer = tenants.firstIndex(where: {
          $0.allSatisfy { !spans[$0].overlaps(spans[tensor]) }
        }) {
          tenants[buffer].append(tensor)
          plan.bufferOfTensor[tensor] = buffer
          plan.bufferBytes[buffer] = max(plan.bufferBytes[buffer], graph.tensors[tensor].bytes)
        } else {
          tenants.append([tensor])
          plan.bufferBytes.append(graph.tensors[tensor].bytes)
          plan.bufferOfTensor[tensor] = tenants.count - 1
        }
      }
      return plan
    }
  }

  extension SizingMutant {
    func convolutionActivationBytes(
      batch: Int, channels: Int, height: Int, width: Int, element: ElementType
    ) throws -> Int { try tensorBytes(shape: [batch, channels, height, width], element: element) }
    func mlpActivationBytes(batch: Int, m: Int, p: Int, element: ElementType) throws -> Int {
      try tensorBytes(shape: [batch, m, p], element: element)
    }
    func transformerActivationBytes(batch: Int, sequence: Int, hidden: Int, element: ElementType)
      throws -> Int
    { try tensorBytes(shape: [batch, sequence, hidden], element: element) }
    func gpt3Parameters(layers: Int, dModel: Int, vocabulary: Int, context: Int) throws -> Int {
      try TensorSizer().gpt3Parameters(
        layers: layers, dModel: dModel, vocabulary: vocabulary, context: context)
    }
    func weightBytes(parameters: Int, element: ElementType) throws -> Int {
      try tensorBytes(shape: [parameters], element: element)
    }
  }
#endif
