import Checkpointing

/// Reference solution of SwapPlanner: simulate the two streams, and search every subset.
public struct ActivationSwapPlanner: SwapPlanner {
  public init() {}

  public func stepTime(_ problem: SwapProblem, swapping swapped: Set<Int>) throws -> Double {
    let layers = problem.layers
    guard swapped.allSatisfy({ layers.indices.contains($0) }) else {
      throw SwapInputError(
        message: "swapped layers \(swapped.sorted()) outside 0..<\(layers.count)")
    }
    var forwardEnd = [Double](repeating: 0, count: layers.count)
    var clock = 0.0
    for (index, layer) in layers.enumerated() {
      clock += layer.forwardSeconds
      forwardEnd[index] = clock
    }
    // The link is free again at `link`; swap-outs go first, by increasing layer.
    var link = 0.0
    for index in swapped.sorted() {
      link = max(link, forwardEnd[index]) + transfer(layers[index], problem)
    }
    // Backward, from the top; `reached` is when the backward pass reached the layer above.
    var compute = clock
    var reached = clock
    for index in layers.indices.reversed() {
      var start = compute
      if swapped.contains(index) {
        link = max(link, reached) + transfer(layers[index], problem)
        start = max(start, link)
      }
      reached = start
      compute = start + layers[index].backwardSeconds
    }
    return compute
  }

  public func plan(_ problem: SwapProblem) throws -> SwapPlan {
    let count = problem.layers.count
    guard count <= 20 else {
      throw SwapInputError(message: "\(count) layers: this planner tries every subset, at most 20")
    }
    var best: SwapPlan?
    for mask in 0..<(1 << count) {
      let swapped = Set((0..<count).filter { mask & (1 << $0) != 0 })
      let kept = problem.layers.indices.filter { !swapped.contains($0) }
        .reduce(0) { $0 + problem.layers[$1].activationBytes }
      guard kept <= problem.memoryBudget else { continue }
      let time = try stepTime(problem, swapping: swapped)
      if let current = best, current.stepSeconds <= time { continue }
      best = SwapPlan(swapped: swapped, stepSeconds: time, keptBytes: kept)
    }
    // Swapping everything keeps 0 bytes, which fits any budget, so a plan always exists.
    return best ?? SwapPlan(swapped: [], stepSeconds: 0, keptBytes: 0)
  }

  private func transfer(_ layer: SwapLayer, _ problem: SwapProblem) -> Double {
    Double(layer.activationBytes) / problem.bandwidth
  }
}

/// Bad input to the planner, in one line.
struct SwapInputError: Error, CustomStringConvertible {
  let message: String
  var description: String { message }
}
