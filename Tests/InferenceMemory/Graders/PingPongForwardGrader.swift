import Foundation
import Harness
import InferenceMemory

/// Grades PingPongForward: its output against a naive forward written here (plain arrays, the
/// contract's order of operations), and its memory against what the harness's allocator saw.
func gradePingPongForward(_ forward: some PingPongForward, _ checks: CheckRecorder) {
  checks.check("a two-layer ReLU network worked by hand") {
    let mlp = try MLP(
      widths: [2, 3, 1], weights: [[1, 2, -1, 1, 0.5, -2], [1, -1, 4]],
      biases: [[0, 1, 0.25], [-1]], activation: .relu)
    let allocator = ActivationAllocator()
    let output = try forward.forward(mlp, input: [1, 2, 3, -1], batch: 2, allocator: allocator)
    try requireEqual(
      output, [2, 15], "forward of the lesson's 2 → 3 → 1 network on [1, 2], [3, −1]")
  }
  checks.check("bitwise equal to a naive forward on seeded random networks") {
    var random = SeededGenerator(seed: SeededGenerator.gradingSeed)
    for _ in 0..<60 {
      let layers = Int.random(in: 1...6, using: &random)
      let widths = (0...layers).map { _ in randomWidth(using: &random) }
      try requireSameOutput(forward, widths: widths, using: &random)
    }
  }
  checks.check("width 1, a single layer and very uneven widths") {
    var random = SeededGenerator(seed: SeededGenerator.gradingSeed &+ 1)
    for widths in edgeShapes {
      try requireSameOutput(forward, widths: widths, using: &random)
    }
  }
  checks.check("exactly two buffers, each sized for the widest layer") {
    var random = SeededGenerator(seed: SeededGenerator.gradingSeed &+ 2)
    let shapes =
      edgeShapes
      + (0..<20).map { _ in
        (0...Int.random(in: 1...5, using: &random)).map { _ in randomWidth(using: &random) }
      }
    for widths in shapes {
      let batch = Int.random(in: 1...4, using: &random)
      let run = try runMeasured(forward, widths: widths, batch: batch, using: &random)
      try requireTwoWidestBuffers(run.allocator, widths: widths, batch: batch)
    }
  }
  checks.check("memory does not grow with depth: 64 layers, still two buffers") {
    var random = SeededGenerator(seed: SeededGenerator.gradingSeed &+ 3)
    let widths = [12] + (0..<64).map { $0 % 3 == 0 ? 16 : 9 }
    let run = try runMeasured(forward, widths: widths, batch: 3, using: &random)
    try requireTwoWidestBuffers(run.allocator, widths: widths, batch: 3)
    try requireEqualBits(run.output, run.expected, "64-layer network")
  }
  checks.check("no activation memory on the heap beyond the two buffers and the output") {
    var random = SeededGenerator(seed: SeededGenerator.gradingSeed &+ 5)
    // A large batch makes any copy of a hidden activation (6 KiB at least) larger than the
    // allowance while the layers stay cheap to run, and a narrow last layer keeps the output,
    // which is allowed, smaller than that copy; the deep network makes anything kept per layer
    // add up.
    for (widths, batch) in [
      ([40, 48, 32, 48, 4], 48), ([12] + Array(repeating: 24, count: 96), 3),
    ] {
      // A first call on another network of the same shape is not judged: the Swift runtime
      // allocates type metadata once per process, in 16 KiB pages, on the first call that
      // needs it, and that is no part of the student's activations.
      _ = try runMeasured(forward, widths: widths, batch: batch, using: &random)
      let run = try runMeasured(forward, widths: widths, batch: batch, using: &random)
      try requireEqualBits(run.output, run.expected, "widths \(widths), batch \(batch)")
      try requireHeapWithinBuffers(run, widths: widths, batch: batch)
    }
  }
  checks.check("the output is computed in one of the two buffers") {
    var random = SeededGenerator(seed: SeededGenerator.gradingSeed &+ 4)
    for widths in [[5, 7, 3], [4, 9, 2, 6], [3, 8, 8, 8, 1]] {
      let run = try runMeasured(forward, widths: widths, batch: 2, using: &random)
      let count = run.expected.count
      let holders = run.allocator.buffers.filter { buffer in
        buffer.count >= count
          && (0..<count).allSatisfy { buffer[$0].bitPattern == run.expected[$0].bitPattern }
      }
      try require(
        !holders.isEmpty,
        "forward of widths \(widths): no buffer from the allocator holds the output; "
          + "compute every layer in the two buffers, then copy the last one out")
    }
  }
}

/// Shapes that break careless index arithmetic or buffer sizing.
private let edgeShapes: [[Int]] = [
  [1, 1], [1, 1, 1, 1, 1], [5, 3], [1, 300, 2, 257, 1], [400, 3, 2], [2, 3, 400], [3, 1, 3, 1, 3],
  [64, 1], [1, 64],
]

/// A width from 1 to a few hundred, often tiny.
private func randomWidth(using random: inout SeededGenerator) -> Int {
  switch Int.random(in: 0..<4, using: &random) {
  case 0: return 1
  case 1: return Int.random(in: 2...8, using: &random)
  default: return Int.random(in: 9...160, using: &random)
  }
}

/// One graded run: the network, what the student returned, what the grader expects, the
/// allocator the student was handed, and what the heap did during the student's call.
private struct MeasuredRun {
  let output: [Float]
  let expected: [Float]
  let allocator: ActivationAllocator
  let heap: HeapUsage
}

/// Draws a network and a batch, runs the student's forward with a fresh allocator and the
/// grader's naive forward, and returns both.
private func runMeasured(
  _ forward: some PingPongForward, widths: [Int], batch: Int,
  activation: ActivationFunction? = nil, using random: inout SeededGenerator
) throws -> MeasuredRun {
  let chosen = activation ?? ActivationFunction.allCases.randomElement(using: &random) ?? .relu
  let mlp = try MLP.random(widths: widths, activation: chosen, using: &random)
  let input = (0..<(batch * widths[0])).map { _ in Float.random(in: -2...2, using: &random) }
  let allocator = ActivationAllocator()
  let (output, heap) = try HeapMeter.measure {
    try forward.forward(mlp, input: input, batch: batch, allocator: allocator)
  }
  let expected = naiveForward(mlp, input: input, batch: batch)
  return MeasuredRun(output: output, expected: expected, allocator: allocator, heap: heap)
}

/// Heap bytes a correct forward may take beyond its two buffers and the returned array: the
/// allocator's own bookkeeping (two buffer objects, its event and buffer lists) and Swift's
/// (array headers, malloc's rounding). The solution needs about 1.2 KiB; this is
/// independent of depth and width, and far below one copy of an activation of the wide network.
let pingPongHeapAllowance = 4096

/// Fails when the heap grew, at its peak during the student's call, by more than the two
/// buffers, the output array and the fixed allowance: activations computed or copied outside
/// the buffers.
private func requireHeapWithinBuffers(_ run: MeasuredRun, widths: [Int], batch: Int) throws {
  guard HeapMeter.isAvailable else { return }
  let outputBytes = run.expected.count * MemoryLayout<Float>.size
  let extra = run.heap.peakBytes - run.allocator.peakBytes - outputBytes
  try require(
    extra <= pingPongHeapAllowance,
    "forward of widths \(widths), batch \(batch): the heap grew by \(run.heap.peakBytes) bytes "
      + "at its peak, \(extra) bytes more than the two buffers (\(run.allocator.peakBytes)) and "
      + "the returned output (\(outputBytes)) with \(pingPongHeapAllowance) bytes of slack for "
      + "Swift's bookkeeping; every layer reads one buffer and writes the other, so no "
      + "activation needs an array of its own (no copy of a layer's input, no temporary "
      + "output)")
}

/// Runs a random network of `widths` with a random batch and requires the same bits.
private func requireSameOutput(
  _ forward: some PingPongForward, widths: [Int], using random: inout SeededGenerator
) throws {
  let batch = Int.random(in: 1...5, using: &random)
  let run = try runMeasured(forward, widths: widths, batch: batch, using: &random)
  try requireEqualBits(run.output, run.expected, "widths \(widths), batch \(batch)")
}

/// Compares two outputs bit for bit, naming the first element that differs.
private func requireEqualBits(_ actual: [Float], _ expected: [Float], _ what: String) throws {
  try require(
    actual.count == expected.count,
    "forward of \(what): expected \(expected.count) output values, got \(actual.count)")
  for index in expected.indices where actual[index].bitPattern != expected[index].bitPattern {
    throw CheckFailure(
      "forward of \(what): output[\(index)] expected \(expected[index]) "
        + "(bits 0x\(String(expected[index].bitPattern, radix: 16))), got \(actual[index]) "
        + "(bits 0x\(String(actual[index].bitPattern, radix: 16))); sum from 0 over the inputs "
        + "in increasing order (the product rounded, then the sum: no fused multiply-add), then "
        + "add the bias, then the activation")
  }
}

/// Two allocations of `widest × batch` floats, and a peak of exactly both.
private func requireTwoWidestBuffers(
  _ allocator: ActivationAllocator, widths: [Int], batch: Int
) throws {
  var widest = 0
  for width in widths where width > widest { widest = width }
  let bufferBytes = widest * batch * 4
  try requireEqual(
    allocator.allocationCount, 2, "allocations for widths \(widths), batch \(batch)")
  let sizes = allocator.events.filter { $0.kind == .allocate }.map(\.bytes)
  try requireEqual(
    sizes, [bufferBytes, bufferBytes],
    "bytes of each allocation for widths \(widths), batch \(batch) (widest \(widest) × batch × 4)")
  try requireEqual(
    allocator.peakBytes, 2 * bufferBytes,
    "peak activation bytes for widths \(widths), batch \(batch)")
}

/// The grader's own forward: a new array per layer, the contract's order of operations.
private func naiveForward(_ mlp: MLP, input: [Float], batch: Int) -> [Float] {
  var activations = input
  for layer in 0..<(mlp.widths.count - 1) {
    let inputs = mlp.widths[layer]
    let outputs = mlp.widths[layer + 1]
    let (weights, biases) = (mlp.weights[layer], mlp.biases[layer])
    var next = [Float](repeating: 0, count: batch * outputs)
    for sample in 0..<batch {
      for output in 0..<outputs {
        var sum: Float = 0
        for input in 0..<inputs {
          let product = weights[output * inputs + input] * activations[sample * inputs + input]
          sum = sum + product
        }
        sum = sum + biases[output]
        next[sample * outputs + output] = activate(sum, mlp.activation)
      }
    }
    activations = next
  }
  return activations
}

/// The activation functions, from their definitions in the contract.
private func activate(_ x: Float, _ function: ActivationFunction) -> Float {
  switch function {
  case .relu: return x > 0 ? x : Float(0)
  case .identity: return x
  case .tanh: return Foundation.tanh(x)
  }
}
