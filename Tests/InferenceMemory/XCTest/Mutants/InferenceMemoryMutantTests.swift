#if canImport(InferenceMemorySolutions)
  import Harness
  import HarnessXCTest
  @_spi(Reference) import InferenceMemory
  import InferenceMemoryGraders
  import InferenceMemorySolutions
  import XCTest

  /// Solutions/, which must pass every check: each mutant is one of them with one mistake.
  let solutions: InferenceMemoryEdition = (
    sizing: TensorSizer(), forward: PingPongForwarder(), planner: LifetimePlanner()
  )

  /// The maintainers' proof that the graders catch the mistakes students make: each mutant is a
  /// reference solution with one named mistake, and its grader must fail it with a message that
  /// names the symptom. CONTRIBUTING.md lists the names.
  final class InferenceMemoryMutantTests: XCTestCase {
    /// The heap is measured where the student's code runs: through the judge (recorded in a
    /// runner, replayed here), the array mutants still fail on the runner's measurement.
    func testHeapMutantsAreCaughtThroughTheJudge() {
      assertMutantsJudged(
        "PingPongForward", of: InferenceMemoryGraders.self, in: solutions, replacing: \.forward,
        by: [
          ("each layer's input copied into an array", CopiedInput()),
          ("a temporary output array", TemporaryOutput()), ("local arrays", LocalArrays()),
        ], symptom: "more than the two buffers")
    }

    func testTensorSizingMutants() {
      assertMutantsCaught(
        "TensorSizing", of: InferenceMemoryGraders.self, in: solutions, replacing: \.sizing,
        by: [
          ("int4 rounding down", "int4", Int4RoundsDown()),
          ("tf32 as 19 bits", "tf32", TF32AsNineteenBits()),
          ("no position embedding", "gpt3Parameters", NoPositionEmbedding()),
          ("a scalar as zero elements", "shape: []", ScalarIsEmpty()),
          ("int4 rounded up per element", "int4", Int4ByteEach()),
          ("an untied output head", "gpt3Parameters", UntiedHead()),
          ("weight bytes in bits", "weightBytes", WeightBits()),
        ], listed: true)
    }

    func testPingPongForwardMutants() {
      assertMutantsCaught(
        "PingPongForward", of: InferenceMemoryGraders.self, in: solutions, replacing: \.forward,
        by: [
          ("bias added first", "then add the bias", BiasFirst()),
          ("a buffer per layer", "allocations for widths", NaiveAllocations()),
          ("buffers ignoring the input's width", "widest", HiddenWidestOnly()),
          ("activations in local arrays", "no buffer from the allocator holds", LocalArrays()),
          (
            "each layer's input copied into an array", "bytes more than the two buffers",
            CopiedInput()
          ),
          (
            "each layer computed into a temporary array", "bytes more than the two buffers",
            TemporaryOutput()
          ),
          ("a fused multiply-add", "no fused multiply-add", FusedMultiplyAdd()),
        ], listed: true)
    }

    func testLifetimePlannerMutants() {
      assertMutantsCaught(
        "LifetimePlanner", of: InferenceMemoryGraders.self, in: solutions, replacing: \.planner,
        by: [
          ("outputs not kept to the end", "lifetimes of", OutputsDieEarly()),
          ("operation index as step", "lifetimes of random graph", IndexIsStep()),
          ("a buffer per tensor", "greedy", NoSharing()),
          ("everything in one buffer", "live at the same step", OneBuffer()),
          ("smallest first", "greedy", SmallestFirst()),
        ], listed: true)
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

  private struct ScalarIsEmpty: SizingMutant {
    func tensorBytes(shape: [Int], element: ElementType) throws -> Int {
      shape.isEmpty ? 0 : try TensorSizer().tensorBytes(shape: shape, element: element)
    }
  }

  /// Rounds each element up to whole bytes, so int4 takes a byte per element.
  private struct Int4ByteEach: SizingMutant {
    func tensorBytes(shape: [Int], element: ElementType) throws -> Int {
      shape.reduce(1, *) * ((element.storageBits + 7) / 8)
    }
  }

  /// Counts the output projection as a second vocabulary × dModel matrix (GPT-3 ties it).
  private struct UntiedHead: SizingMutant {
    func tensorBytes(shape: [Int], element: ElementType) throws -> Int {
      try TensorSizer().tensorBytes(shape: shape, element: element)
    }
    func gpt3Parameters(layers: Int, dModel: Int, vocabulary: Int, context: Int) throws -> Int {
      try TensorSizer().gpt3Parameters(
        layers: layers, dModel: dModel, vocabulary: vocabulary, context: context)
        + vocabulary * dModel
    }
  }

  /// Mixes bits and bytes (the flashcards' slip): weight sizes in bits.
  private struct WeightBits: SizingMutant {
    func tensorBytes(shape: [Int], element: ElementType) throws -> Int {
      try TensorSizer().tensorBytes(shape: shape, element: element)
    }
    func weightBytes(parameters: Int, element: ElementType) throws -> Int {
      parameters * element.storageBits
    }
  }

  // MARK: PingPongForward mutants

  /// Ping-pong with one of the mistakes switched on; unsafe pointers, as the solution uses, keep
  /// the mutants about as fast as it in a debug build.
  private func pingPong(
    _ mlp: MLP, _ input: [Float], _ batch: Int, _ allocator: ActivationAllocator,
    widest: Int, biasFirst: Bool = false, copyInput: Bool = false, temporaryOutput: Bool = false,
    fused: Bool = false
  ) throws -> [Float] {
    var a = try allocator.allocate(count: widest * batch)
    var b = try allocator.allocate(count: widest * batch)
    for index in input.indices { a.elements[index] = input[index] }
    for layer in 0..<mlp.layerCount {
      let (n, m) = (mlp.widths[layer], mlp.widths[layer + 1])
      // The mistakes only the heap meter sees: a copy of the input, a temporary output.
      var x: [Float] = copyInput ? Array(a.elements.prefix(batch * n)) : []
      var y: [Float] = temporaryOutput ? Array(repeating: 0, count: batch * m) : []
      func dense(
        _ source: UnsafeMutableBufferPointer<Float>, _ target: UnsafeMutableBufferPointer<Float>
      ) {
        mlp.weights[layer].withUnsafeBufferPointer { weights in
          for sample in 0..<batch {
            for j in 0..<m {
              var sum: Float = biasFirst ? mlp.biases[layer][j] : 0
              for i in 0..<n {
                // One rounding for the product and the sum together, or one for each.
                let (weight, value) = (weights[j * n + i], source[sample * n + i])
                sum = fused ? sum.addingProduct(weight, value) : sum + weight * value
              }
              if !biasFirst { sum += mlp.biases[layer][j] }
              target[sample * m + j] = mlp.activation.apply(sum)
            }
          }
        }
      }
      if copyInput {
        x.withUnsafeMutableBufferPointer { dense($0, b.elements) }
      } else if temporaryOutput {
        y.withUnsafeMutableBufferPointer { dense(a.elements, $0) }
      } else {
        dense(a.elements, b.elements)
      }
      if temporaryOutput { for index in y.indices { b.elements[index] = y[index] } }
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

  private struct CopiedInput: PingPongForward, Sendable {
    func forward(_ mlp: MLP, input: [Float], batch: Int, allocator: ActivationAllocator) throws
      -> [Float]
    {
      try pingPong(mlp, input, batch, allocator, widest: mlp.widths.max() ?? 0, copyInput: true)
    }
  }

  private struct TemporaryOutput: PingPongForward, Sendable {
    func forward(_ mlp: MLP, input: [Float], batch: Int, allocator: ActivationAllocator) throws
      -> [Float]
    {
      try pingPong(
        mlp, input, batch, allocator, widest: mlp.widths.max() ?? 0, temporaryOutput: true)
    }
  }

  private struct FusedMultiplyAdd: PingPongForward, Sendable {
    func forward(_ mlp: MLP, input: [Float], batch: Int, allocator: ActivationAllocator) throws
      -> [Float]
    {
      try pingPong(mlp, input, batch, allocator, widest: mlp.widths.max() ?? 0, fused: true)
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
      return try pingPong(mlp, input, batch, allocator, widest: widest)
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

  /// A planner mutant gets one step wrong; the others are the reference solution's.
  private protocol PlannerMutant: LifetimePlanning, Sendable {}

  extension PlannerMutant {
    func lifetimes(_ graph: ComputationGraph) throws -> [TensorLifetime] {
      try LifetimePlanner().lifetimes(graph)
    }
    func peakBytes(_ graph: ComputationGraph) throws -> Int {
      try LifetimePlanner().peakBytes(graph)
    }
    func assignBuffers(_ graph: ComputationGraph) throws -> BufferAssignment {
      try LifetimePlanner().assignBuffers(graph)
    }
  }

  private struct OutputsDieEarly: PlannerMutant {
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
  }

  /// Uses an operation's index in `graph.operations` as its step, ignoring `graph.order`.
  private struct IndexIsStep: PlannerMutant {
    func lifetimes(_ graph: ComputationGraph) throws -> [TensorLifetime] {
      var first: [Int: Int] = [:]
      var last: [Int: Int] = [:]
      for (step, operation) in graph.operations.enumerated() {
        for tensor in operation.inputs + operation.outputs {
          first[tensor] = min(first[tensor] ?? step, step)
          last[tensor] = max(last[tensor] ?? step, step)
        }
      }
      let end = graph.operations.count - 1
      return graph.tensors.indices.map { tensor in
        TensorLifetime(
          first: first[tensor] ?? 0,
          last: graph.outputs.contains(tensor) ? end : last[tensor] ?? 0)
      }
    }
  }

  private struct NoSharing: PlannerMutant {
    func assignBuffers(_ graph: ComputationGraph) throws -> BufferAssignment {
      BufferAssignment(
        bufferOfTensor: Array(graph.tensors.indices), bufferBytes: graph.tensors.map(\.bytes))
    }
  }

  private struct OneBuffer: PlannerMutant {
    func assignBuffers(_ graph: ComputationGraph) throws -> BufferAssignment {
      BufferAssignment(
        bufferOfTensor: graph.tensors.map { _ in 0 },
        bufferBytes: [graph.tensors.map(\.bytes).max() ?? 0])
    }
  }

  private struct SmallestFirst: PlannerMutant {
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
