import Harness
import InferenceMemory

/// The grader's own planning oracles and graph generator, independent of any solution.
enum GraphOracles {
  /// Lifetimes, computed tensor by tensor: the steps whose operation touches it.
  static func lifetimes(_ graph: ComputationGraph) -> [TensorLifetime] {
    let final = graph.order.count - 1
    return graph.tensors.indices.map { tensor in
      let steps = graph.order.indices.filter { step in
        let operation = graph.operations[graph.order[step]]
        return operation.inputs.contains(tensor) || operation.outputs.contains(tensor)
      }
      let last = graph.outputs.contains(tensor) ? final : (steps.last ?? 0)
      return TensorLifetime(first: steps.first ?? 0, last: last)
    }
  }

  /// The peak, by summing the live tensors at every step.
  static func peak(_ graph: ComputationGraph) -> Int {
    let spans = lifetimes(graph)
    var best = 0
    for step in graph.order.indices {
      var live = 0
      for tensor in graph.tensors.indices
      where spans[tensor].first <= step && step <= spans[tensor].last {
        live += graph.tensors[tensor].bytes
      }
      best = max(best, live)
    }
    return best
  }

  /// The total bytes of the contract's greedy rule: largest first, first buffer that fits.
  static func greedyTotal(_ graph: ComputationGraph) -> Int {
    let spans = lifetimes(graph)
    var pending = Array(graph.tensors.indices)
    var buffers: [(size: Int, spans: [TensorLifetime])] = []
    while !pending.isEmpty {
      // Pick the next tensor by the contract's ranking, one at a time.
      var pick = 0
      for candidate in 1..<pending.count {
        let (a, b) = (pending[candidate], pending[pick])
        let (sizeA, sizeB) = (graph.tensors[a].bytes, graph.tensors[b].bytes)
        if sizeA > sizeB || (sizeA == sizeB && (spans[a].first, a) < (spans[b].first, b)) {
          pick = candidate
        }
      }
      let tensor = pending.remove(at: pick)
      let span = spans[tensor]
      var placed = false
      for index in buffers.indices
      where !buffers[index].spans.contains(where: { $0.overlaps(span) }) {
        buffers[index].spans.append(span)
        buffers[index].size = max(buffers[index].size, graph.tensors[tensor].bytes)
        placed = true
        break
      }
      if !placed { buffers.append((graph.tensors[tensor].bytes, [span])) }
    }
    return buffers.reduce(0) { $0 + $1.size }
  }

  /// The least total over every partition of the tensors into buffers of non-overlapping
  /// tensors, enumerated as restricted growth strings. Small graphs only (Bell(9) = 21147).
  static func optimalTotal(_ graph: ComputationGraph) -> Int {
    let spans = lifetimes(graph)
    let count = graph.tensors.count
    var labels = Array(repeating: 0, count: count)
    var best = Int.max
    func extend(_ position: Int, groups: Int) {
      if position == count {
        var sizes = Array(repeating: 0, count: groups)
        for tensor in 0..<count {
          sizes[labels[tensor]] = max(sizes[labels[tensor]], graph.tensors[tensor].bytes)
        }
        best = min(best, sizes.reduce(0, +))
        return
      }
      for label in 0...groups {
        let clash = (0..<position).contains {
          labels[$0] == label && spans[$0].overlaps(spans[position])
        }
        if clash { continue }
        labels[position] = label
        extend(position + 1, groups: max(groups, label + 1))
      }
    }
    extend(0, groups: 0)
    return best
  }

  /// A random graph of `steps` operations, mostly a chain with residual connections (an
  /// operation also reads an older tensor), branches (it reads an older tensor only), extra
  /// inputs and operations with two outputs; operations and tensors are stored shuffled, and
  /// `order` says how they run.
  static func randomGraph(steps: Int, using random: inout SeededGenerator) throws
    -> ComputationGraph
  {
    var sizes = [randomSize(using: &random)]
    var sequence: [(inputs: [Int], outputs: [Int])] = []
    for _ in 0..<steps {
      let latest = sizes.count - 1
      var inputs = [latest]
      let roll = Int.random(in: 0..<10, using: &random)
      if roll < 4 && latest > 0 {
        inputs.append(Int.random(in: 0..<latest, using: &random))
      } else if roll == 4 && latest > 0 {
        inputs = [Int.random(in: 0..<latest, using: &random)]
      } else if roll == 5 {
        sizes.append(randomSize(using: &random))
        inputs.append(sizes.count - 1)
      }
      let width = Int.random(in: 0..<8, using: &random) == 0 ? 2 : 1
      let outputs = Array(sizes.count..<(sizes.count + width))
      for _ in outputs { sizes.append(randomSize(using: &random)) }
      sequence.append((inputs, outputs))
    }
    var graphOutputs = [sizes.count - 1]
    if Bool.random(using: &random) {
      graphOutputs.append(Int.random(in: 0..<sizes.count, using: &random))
    }
    // Rename tensors and reorder operations, so that indices say nothing about time.
    let rename = Array(sizes.indices).shuffled(using: &random)
    var tensors = Array(repeating: GraphTensor("", bytes: 0), count: sizes.count)
    for (old, new) in rename.enumerated() {
      tensors[new] = GraphTensor("t\(old)", bytes: sizes[old])
    }
    let slots = Array(sequence.indices).shuffled(using: &random)
    var operations = Array(repeating: GraphOperation("", inputs: [], outputs: []), count: steps)
    for (step, slot) in slots.enumerated() {
      operations[slot] = GraphOperation(
        "op\(step)", inputs: sequence[step].inputs.map { rename[$0] },
        outputs: sequence[step].outputs.map { rename[$0] })
    }
    return try ComputationGraph(
      tensors: tensors, operations: operations, order: slots,
      outputs: Array(Set(graphOutputs.map { rename[$0] })).sorted())
  }

  /// Sizes with many ties (powers of two) and some arbitrary ones.
  private static func randomSize(using random: inout SeededGenerator) -> Int {
    Bool.random(using: &random)
      ? 64 << Int.random(in: 0...4, using: &random) : Int.random(in: 1...1000, using: &random)
  }
}
