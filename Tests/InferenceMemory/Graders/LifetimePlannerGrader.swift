import Harness
import InferenceMemory

/// Grades LifetimePlanner: lifetimes and peaks against the grader's own computation, buffer
/// assignments for validity, against the greedy rule's total and, on small graphs, against the
/// optimum found by brute force.
func gradeLifetimePlanner(_ planner: some LifetimePlanning, _ checks: CheckRecorder) {
  checks.check("lifetimes and peak of the lesson's transformer block") {
    let graph = try lessonBlock(narrow: 100, wide: 400)
    let expected = [(0, 2), (0, 1), (1, 2), (2, 7), (3, 4), (4, 5), (5, 6), (6, 7), (7, 7)]
      .map { TensorLifetime(first: $0.0, last: $0.1) }
    try requireEqual(try planner.lifetimes(graph), expected, "lifetimes of the transformer block")
    try requireEqual(try planner.peakBytes(graph), 900, "peakBytes of the transformer block")
  }
  checks.check("lifetimes on seeded random graphs, run in a shuffled order") {
    var random = SeededGenerator(seed: SeededGenerator.gradingSeed)
    for trial in 0..<150 {
      let graph = try GraphOracles.randomGraph(
        steps: Int.random(in: 1...20, using: &random), using: &random)
      let answer = try planner.lifetimes(graph)
      try requireEqual(answer, GraphOracles.lifetimes(graph), "lifetimes of random graph \(trial)")
    }
  }
  checks.check("peak bytes of a chain and of seeded random graphs") {
    let chain = try ComputationGraph(
      tensors: (0..<6).map { GraphTensor("t\($0)", bytes: 10 * ($0 + 1)) },
      operations: (0..<5).map { GraphOperation("layer\($0)", inputs: [$0], outputs: [$0 + 1]) },
      order: Array(0..<5), outputs: [5])
    try requireEqual(
      try planner.peakBytes(chain), 110, "peakBytes of a chain of 10, 20, ..., 60 bytes")
    var random = SeededGenerator(seed: SeededGenerator.gradingSeed &+ 1)
    for trial in 0..<150 {
      let graph = try GraphOracles.randomGraph(
        steps: Int.random(in: 1...20, using: &random), using: &random)
      try requireEqual(
        try planner.peakBytes(graph), GraphOracles.peak(graph), "peakBytes of random graph \(trial)"
      )
    }
  }
  checks.check("a chain of equal tensors shares two buffers") {
    for layers in [1, 2, 7] {
      let graph = try ComputationGraph(
        tensors: (0...layers).map { GraphTensor("t\($0)", bytes: 256) },
        operations: (0..<layers).map {
          GraphOperation("layer\($0)", inputs: [$0], outputs: [$0 + 1])
        },
        order: Array(0..<layers), outputs: [layers])
      let plan = try planner.assignBuffers(graph)
      let total = try requireValid(plan, graph, "a chain of \(layers) layers")
      try requireEqual(
        plan.bufferBytes.count, 2, "buffers for a chain of \(layers) layers of 256 bytes")
      try requireEqual(total, 512, "total bytes for a chain of \(layers) layers of 256 bytes")
    }
  }
  checks.check("valid assignments no larger than greedy by size, on seeded random graphs") {
    let block = try lessonBlock(narrow: 100, wide: 400)
    let blockTotal = try requireValid(
      try planner.assignBuffers(block), block, "the transformer block")
    try require(
      blockTotal <= 1000,
      "assignBuffers of the transformer block: expected at most 1000 bytes "
        + "(4 buffers: 400, 400, 100, 100), got \(blockTotal)")
    var random = SeededGenerator(seed: SeededGenerator.gradingSeed &+ 2)
    for trial in 0..<120 {
      let graph = try GraphOracles.randomGraph(
        steps: Int.random(in: 1...25, using: &random), using: &random)
      let total = try requireValid(try planner.assignBuffers(graph), graph, "random graph \(trial)")
      let greedy = GraphOracles.greedyTotal(graph)
      try require(
        total <= greedy,
        "assignBuffers of random graph \(trial): greedy by size needs \(greedy) "
          + "bytes, got \(total); take the largest tensors first, first buffer that fits")
    }
  }
  checks.check("small graphs against the brute-force optimum") {
    var random = SeededGenerator(seed: SeededGenerator.gradingSeed &+ 3)
    for trial in 0..<80 {
      let graph = try GraphOracles.randomGraph(
        steps: Int.random(in: 1...5, using: &random), using: &random)
      guard graph.tensors.count <= 9 else { continue }
      let total = try requireValid(try planner.assignBuffers(graph), graph, "small graph \(trial)")
      let optimum = GraphOracles.optimalTotal(graph)
      let greedy = GraphOracles.greedyTotal(graph)
      try require(
        optimum <= total && total <= greedy,
        "assignBuffers of small graph \(trial): expected between the optimum \(optimum) and greedy "
          + "by size \(greedy) bytes, got \(total)")
      try require(
        try planner.peakBytes(graph) <= optimum,
        "peakBytes of small graph \(trial) exceeds the best possible plan, \(optimum) bytes")
    }
  }
}

/// The lesson's pre-norm transformer block, with `narrow` bytes per residual-width tensor and
/// `wide` per feed-forward tensor.
private func lessonBlock(narrow: Int, wide: Int) throws -> ComputationGraph {
  let sizes = [narrow, narrow, narrow, narrow, narrow, wide, wide, narrow, narrow]
  let names = ["x", "n1", "attn", "r", "n2", "up", "gelu", "down", "y"]
  let wiring = [
    ([0], 1), ([1], 2), ([0, 2], 3), ([3], 4), ([4], 5), ([5], 6), ([6], 7), ([3, 7], 8),
  ]
  return try ComputationGraph(
    tensors: zip(names, sizes).map { GraphTensor($0, bytes: $1) },
    operations: wiring.enumerated().map {
      GraphOperation("op\($0)", inputs: $1.0, outputs: [$1.1])
    },
    order: Array(0..<8), outputs: [8])
}

/// Checks an assignment against the graph: one buffer per tensor, buffers large enough, no
/// two tensors with overlapping lifetimes in one buffer. Returns the total bytes.
@discardableResult
private func requireValid(_ plan: BufferAssignment, _ graph: ComputationGraph, _ what: String)
  throws
  -> Int
{
  try require(
    plan.bufferOfTensor.count == graph.tensors.count,
    "assignBuffers of \(what): expected a buffer for each of \(graph.tensors.count) tensors, "
      + "got \(plan.bufferOfTensor.count)")
  let spans = GraphOracles.lifetimes(graph)
  for (tensor, buffer) in plan.bufferOfTensor.enumerated() {
    try require(
      plan.bufferBytes.indices.contains(buffer),
      "assignBuffers of \(what): tensor \(graph.tensors[tensor].name) is in buffer \(buffer), "
        + "but there are \(plan.bufferBytes.count) buffers")
    try require(
      plan.bufferBytes[buffer] >= graph.tensors[tensor].bytes,
      "assignBuffers of \(what): buffer \(buffer) has \(plan.bufferBytes[buffer]) bytes, too small "
        + "for tensor \(graph.tensors[tensor].name) of \(graph.tensors[tensor].bytes) bytes")
    for other in 0..<tensor
    where plan.bufferOfTensor[other] == buffer && spans[other].overlaps(spans[tensor]) {
      throw CheckFailure(
        "assignBuffers of \(what): tensors \(graph.tensors[other].name) "
          + "\(spans[other]) and \(graph.tensors[tensor].name) \(spans[tensor]) are live at the same "
          + "step but share buffer \(buffer)")
    }
  }
  return plan.bufferBytes.reduce(0, +)
}
