// Reference code: it computes exercises' answers, for the figures, pictures and tools.
// Solve the exercises before you read it; contracts and harness types are one folder up.

/// The kit's own planning, for the lesson's figures and pictures. Graders do not use it: they
/// carry their own oracles.
enum ReferencePlanning {
  /// Lifetimes by the contract's definition.
  static func lifetimes(_ graph: ComputationGraph) -> [TensorLifetime] {
    var first = Array(repeating: Int.max, count: graph.tensors.count)
    var last = Array(repeating: Int.min, count: graph.tensors.count)
    for (step, index) in graph.order.enumerated() {
      let operation = graph.operations[index]
      for tensor in operation.inputs + operation.outputs {
        first[tensor] = min(first[tensor], step)
        last[tensor] = max(last[tensor], step)
      }
    }
    for tensor in graph.outputs { last[tensor] = graph.stepCount - 1 }
    return zip(first, last).map { TensorLifetime(first: $0, last: $1) }
  }

  /// Live bytes at each step.
  static func liveBytes(_ graph: ComputationGraph) -> [Int] {
    let spans = lifetimes(graph)
    return (0..<graph.stepCount).map { step in
      graph.tensors.indices.filter { spans[$0].first <= step && step <= spans[$0].last }
        .reduce(0) { $0 + graph.tensors[$1].bytes }
    }
  }

  /// The largest live total over the steps.
  static func peakBytes(_ graph: ComputationGraph) -> Int {
    liveBytes(graph).max() ?? 0
  }

  /// Greedy by size, first fit, as the LifetimePlanning contract defines it.
  static func greedyBySize(_ graph: ComputationGraph) -> BufferAssignment {
    let spans = lifetimes(graph)
    let ranked = graph.tensors.indices.sorted { a, b in
      let (sizeA, sizeB) = (graph.tensors[a].bytes, graph.tensors[b].bytes)
      if sizeA != sizeB { return sizeA > sizeB }
      if spans[a].first != spans[b].first { return spans[a].first < spans[b].first }
      return a < b
    }
    var members: [[Int]] = []
    var sizes: [Int] = []
    var bufferOf = Array(repeating: -1, count: graph.tensors.count)
    for tensor in ranked {
      let fit = members.firstIndex { group in
        group.allSatisfy { !spans[$0].overlaps(spans[tensor]) }
      }
      let buffer = fit ?? members.count
      if fit == nil {
        members.append([])
        sizes.append(0)
      }
      members[buffer].append(tensor)
      sizes[buffer] = max(sizes[buffer], graph.tensors[tensor].bytes)
      bufferOf[tensor] = buffer
    }
    return BufferAssignment(bufferOfTensor: bufferOf, bufferBytes: sizes)
  }

  /// The assignment with the smallest total over every way of sharing buffers, by trying
  /// every partition of the tensors into groups with pairwise disjoint lifetimes (pruned when a
  /// partial total already reaches the best). Exponential: small graphs only.
  static func optimalAssignment(_ graph: ComputationGraph) -> BufferAssignment {
    let spans = lifetimes(graph)
    let sizes = graph.tensors.map(\.bytes)
    var best = BufferAssignment(bufferOfTensor: Array(sizes.indices), bufferBytes: sizes)
    var labels = Array(repeating: 0, count: sizes.count)
    var groups: [[Int]] = []
    var groupSizes: [Int] = []
    func place(_ tensor: Int, total: Int) {
      if total >= best.totalBytes { return }
      if tensor == sizes.count {
        best = BufferAssignment(bufferOfTensor: labels, bufferBytes: groupSizes)
        return
      }
      for group in groups.indices
      where groups[group].allSatisfy({ !spans[$0].overlaps(spans[tensor]) }) {
        let old = groupSizes[group]
        groups[group].append(tensor)
        groupSizes[group] = max(old, sizes[tensor])
        labels[tensor] = group
        place(tensor + 1, total: total - old + groupSizes[group])
        groups[group].removeLast()
        groupSizes[group] = old
      }
      groups.append([tensor])
      groupSizes.append(sizes[tensor])
      labels[tensor] = groups.count - 1
      place(tensor + 1, total: total + sizes[tensor])
      groups.removeLast()
      groupSizes.removeLast()
    }
    place(0, total: 0)
    return best
  }
}
