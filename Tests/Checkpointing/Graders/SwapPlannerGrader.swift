import Checkpointing
import Harness

/// Grades SwapPlanner against the graders' own event simulation of the cost model and a brute
/// force over every subset of layers.
func gradeSwapPlanner(_ planner: some SwapPlanner, _ checks: CheckRecorder) {
  checks.check("the lesson's worked example, and no swapping at all") {
    for example in try workedExamples() {
      for swapped in [Set<Int>(), [0], [1], [0, 1], [1, 2, 3], [0, 1, 2, 3]] {
        try requireTime(planner, example, swapped)
      }
    }
  }
  checks.check("step times of seeded random problems, every subset") {
    var random = SeededGenerator(seed: SeededGenerator.gradingSeed &+ 40)
    for _ in 0..<25 {
      let problem = try randomSwapProblem(layers: Int.random(in: 1...6, using: &random), &random)
      for mask in 0..<(1 << problem.layers.count) {
        try requireTime(planner, problem, subset(mask, of: problem.layers.count))
      }
    }
  }
  checks.check("plans fit the budget (met exactly too) and match the fastest subset") {
    var random = SeededGenerator(seed: SeededGenerator.gradingSeed &+ 41)
    var problems = try workedExamples()
    // Budgets met exactly: all 12 bytes (swap nothing), the 9 of layers 0 and 2, and 0 (swap
    // all). "Fits" means kept ≤ budget; a planner that wants kept < budget swaps needlessly.
    let example = try SwapProblem.lessonExample(bandwidth: 1)
    for budget in [12, 9, 0] {
      problems.append(
        try SwapProblem(layers: example.layers, bandwidth: 1, memoryBudget: budget))
    }
    for _ in 0..<30 {
      problems.append(try randomSwapProblem(layers: Int.random(in: 1...9, using: &random), &random))
    }
    for problem in problems {
      let plan = try planner.plan(problem)
      let what = "plan(\(describe(problem)))"
      try require(
        plan.swapped.allSatisfy { problem.layers.indices.contains($0) },
        "\(what): swapped layers \(plan.swapped.sorted()) are not all layers of the problem")
      let kept = problem.layers.indices.filter { !plan.swapped.contains($0) }
        .reduce(0) { $0 + problem.layers[$1].activationBytes }
      try requireEqual(
        plan.keptBytes, kept, "\(what): kept bytes of swapping \(plan.swapped.sorted())")
      try require(
        kept <= problem.memoryBudget,
        "\(what): swapping \(plan.swapped.sorted()) keeps \(kept) bytes, over the budget of "
          + "\(problem.memoryBudget)")
      let time = simulatedStepTime(problem, plan.swapped)
      try requireClose(
        plan.stepSeconds, time, tolerance: 1e-9 * max(1, time),
        "\(what): the reported step time of swapping \(plan.swapped.sorted())")
      let best = fastestFittingTime(problem)
      try requireClose(
        time, best, tolerance: 1e-9 * max(1, best),
        "\(what): the fastest step time of any subset that fits the budget")
    }
  }
}

/// The four layers whose timeline the lesson walks through, at 1 and 2 MB/ms.
private func workedExamples() throws -> [SwapProblem] {
  [try SwapProblem.lessonExample(bandwidth: 1), try SwapProblem.lessonExample(bandwidth: 2)]
}

private func requireTime(_ planner: some SwapPlanner, _ problem: SwapProblem, _ swapped: Set<Int>)
  throws
{
  let expected = simulatedStepTime(problem, swapped)
  try requireClose(
    try planner.stepTime(problem, swapping: swapped), expected,
    tolerance: 1e-9 * max(1, expected),
    "stepTime(\(describe(problem)), swapping: \(swapped.sorted()))")
}

/// The cost model as a list of events, each with the times it waits for.
func simulatedStepTime(_ problem: SwapProblem, _ swapped: Set<Int>) -> Double {
  let count = problem.layers.count
  var forwardEnd: [Double] = []
  var time = 0.0
  for layer in problem.layers {
    time += layer.forwardSeconds
    forwardEnd.append(time)
  }
  let order = (0..<count).filter { swapped.contains($0) }
  var linkFree = 0.0
  for layer in order {
    let start = max(linkFree, forwardEnd[layer])
    linkFree = start + Double(problem.layers[layer].activationBytes) / problem.bandwidth
  }
  var backwardStart = [Double](repeating: 0, count: count + 1)
  var backwardEnd = [Double](repeating: 0, count: count + 1)
  backwardStart[count] = time
  backwardEnd[count] = time
  for layer in stride(from: count - 1, through: 0, by: -1) {
    var ready = backwardEnd[layer + 1]
    if swapped.contains(layer) {
      let start = max(linkFree, backwardStart[layer + 1])
      linkFree = start + Double(problem.layers[layer].activationBytes) / problem.bandwidth
      ready = max(ready, linkFree)
    }
    backwardStart[layer] = ready
    backwardEnd[layer] = ready + problem.layers[layer].backwardSeconds
  }
  return backwardEnd[0]
}

/// The smallest simulated step time over every subset whose kept bytes fit the budget.
private func fastestFittingTime(_ problem: SwapProblem) -> Double {
  var best = Double.infinity
  for mask in 0..<(1 << problem.layers.count) {
    let swapped = subset(mask, of: problem.layers.count)
    let kept = problem.layers.indices.filter { !swapped.contains($0) }
      .reduce(0) { $0 + problem.layers[$1].activationBytes }
    if kept <= problem.memoryBudget { best = min(best, simulatedStepTime(problem, swapped)) }
  }
  return best
}

private func subset(_ mask: Int, of count: Int) -> Set<Int> {
  Set((0..<count).filter { mask >> $0 & 1 == 1 })
}

private func randomSwapProblem(layers count: Int, _ random: inout SeededGenerator) throws
  -> SwapProblem
{
  let layers = try (0..<count).map { _ in
    let forward = Double(Int.random(in: 1...8, using: &random)) / 4
    return try SwapLayer(
      forwardSeconds: forward, backwardSeconds: forward * 2,
      activationBytes: Int.random(in: 1...12, using: &random))
  }
  let total = layers.reduce(0) { $0 + $1.activationBytes }
  return try SwapProblem(
    layers: layers, bandwidth: Double(Int.random(in: 1...8, using: &random)),
    memoryBudget: Int.random(in: 0...total, using: &random))
}

private func describe(_ problem: SwapProblem) -> String {
  let layers = problem.layers.map {
    "(f \(ByteFormatting.trimmed($0.forwardSeconds, decimals: 3)), "
      + "b \(ByteFormatting.trimmed($0.backwardSeconds, decimals: 3)), \($0.activationBytes) B)"
  }
  return "layers \(layers.joined(separator: " ")), bandwidth "
    + "\(ByteFormatting.trimmed(problem.bandwidth, decimals: 3)) B/s, budget \(problem.memoryBudget) B"
}
