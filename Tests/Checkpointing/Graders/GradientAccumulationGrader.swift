import Checkpointing
import Harness

/// Grades GradientAccumulation: the full batch's loss and gradient (the graders' reference on
/// all rows at once), and exactly one micro-batch's activation memory, measured by the store.
func gradeGradientAccumulation(_ accumulator: some GradientAccumulation, _ checks: CheckRecorder) {
  checks.check("one micro-batch is the plain full-batch step") {
    var random = SeededGenerator(seed: SeededGenerator.gradingSeed &+ 20)
    let problem = try randomProblem(depth: 4, rows: 6, loss: .logistic, using: &random)
    let result = try accumulator.accumulate(
      problem.chain, input: problem.input, targets: problem.targets, microBatches: 1,
      store: ActivationStore(recordingTimeline: false))
    try requireFullBatch(result, problem, microBatches: 1)
  }
  checks.check("k micro-batches give the full batch's loss and gradient") {
    var random = SeededGenerator(seed: SeededGenerator.gradingSeed &+ 21)
    for trial in 0..<12 {
      let rows = [8, 12, 24][trial % 3]
      let problem = try randomProblem(
        depth: 1 + trial % 6, rows: rows, loss: trial % 2 == 0 ? .meanSquaredError : .logistic,
        using: &random)
      for microBatches in [2, 4, rows] {
        let result = try accumulator.accumulate(
          problem.chain, input: problem.input, targets: problem.targets,
          microBatches: microBatches, store: ActivationStore(recordingTimeline: false))
        try requireFullBatch(result, problem, microBatches: microBatches)
      }
    }
  }
  checks.check("peak bytes exactly one micro-batch's, each layer run once per micro-batch") {
    var random = SeededGenerator(seed: SeededGenerator.gradingSeed &+ 22)
    let problem = try randomProblem(
      depth: 6, rows: 32, loss: .logistic, widths: 3...6, using: &random)
    for microBatches in [1, 2, 4, 8, 32] {
      let store = ActivationStore(recordingTimeline: false)
      _ = try accumulator.accumulate(
        problem.chain, input: problem.input, targets: problem.targets,
        microBatches: microBatches, store: store)
      let rows = 32 / microBatches
      // A store-all step on one slice holds every activation of its `rows` examples at the turn,
      // and the slices run one after the other: that sum is the peak, exactly.
      let expected = problem.chain.activationBytes(rows: rows).reduce(0, +)
      try require(
        store.peakLiveBytes == expected,
        "\(microBatches) micro-batches of \(rows) rows on \(problem.description): the peak "
          + "activation memory is exactly one micro-batch's, \(expected) bytes (every activation "
          + "of \(rows) rows); the store measured \(store.peakLiveBytes)")
      let depth = problem.chain.depth
      try require(
        store.forwardCalls == depth * microBatches && store.backwardCalls == depth * microBatches,
        "\(microBatches) micro-batches on \(depth) layers: one store-all step per micro-batch "
          + "runs exactly \(depth * microBatches) layer forwards and as many backwards; the store "
          + "counted \(store.forwardCalls) forwards and \(store.backwardCalls) backwards")
      try requireEmpty(store, "\(microBatches) micro-batches")
    }
  }
}

/// Fails unless `result` is the reference's full-batch mean loss and gradient.
private func requireFullBatch(_ result: StepResult, _ problem: Problem, microBatches: Int) throws {
  let what = "\(microBatches) micro-batches of \(problem.description)"
  try requireReferenceStep(
    result, of: problem, lossTolerance: { 1e-12 * max(1, abs($0)) }, gradientTolerance: 1e-10,
    loss: "\(what): the mean loss over all rows", gradient: "\(what): the full batch's gradient")
}
