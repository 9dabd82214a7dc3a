import Checkpointing
import Harness

/// Grades GradientAccumulation: the full batch's loss and gradient (the graders' reference on
/// all rows at once), and activation memory that shrinks with the micro-batch.
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
  checks.check("peak activation bytes follow the micro-batch size") {
    var random = SeededGenerator(seed: SeededGenerator.gradingSeed &+ 22)
    let problem = try randomProblem(
      depth: 6, rows: 32, loss: .logistic, widths: 3...6, using: &random)
    var previous = Int.max
    for microBatches in [1, 2, 4, 8, 32] {
      let store = ActivationStore(recordingTimeline: false)
      _ = try accumulator.accumulate(
        problem.chain, input: problem.input, targets: problem.targets,
        microBatches: microBatches, store: store)
      let rows = 32 / microBatches
      // What a store-all step on one micro-batch keeps: every activation of `rows` examples.
      let ceiling = problem.chain.activationBytes(rows: rows).reduce(0, +)
      try require(
        store.peakLiveBytes <= ceiling,
        "\(microBatches) micro-batches of \(rows) rows on \(problem.description): peak "
          + "activation memory should be at most one micro-batch's \(ceiling) bytes, the "
          + "store measured \(store.peakLiveBytes)")
      try require(
        store.peakLiveBytes < previous,
        "\(microBatches) micro-batches: peak activation memory should shrink as the "
          + "micro-batches do; it was \(previous) bytes with half as many and is "
          + "\(store.peakLiveBytes) now")
      try require(
        store.forwardCalls >= problem.chain.depth * microBatches,
        "\(microBatches) micro-batches on \(problem.chain.depth) layers: every micro-batch "
          + "runs every layer forward, at least \(problem.chain.depth * microBatches) forwards; "
          + "the store counted \(store.forwardCalls)")
      try requireEmpty(store, "\(microBatches) micro-batches")
      previous = store.peakLiveBytes
    }
  }
}

/// Fails unless `result` is the reference's full-batch mean loss and gradient.
private func requireFullBatch(_ result: StepResult, _ problem: Problem, microBatches: Int) throws {
  let reference = ReferenceNetwork(problem.chain).gradients(
    inputs: nested(problem.input), targets: nested(problem.targets))
  let what = "\(microBatches) micro-batches of \(problem.description)"
  try requireClose(
    result.loss, reference.loss, tolerance: 1e-12 * max(1, abs(reference.loss)),
    "\(what): the mean loss over all rows")
  try requireGradients(
    result.gradients, close: (reference.weights, reference.bias), tolerance: 1e-10,
    "\(what): the full batch's gradient")
}
