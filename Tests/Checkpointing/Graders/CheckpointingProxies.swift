import Checkpointing
import Harness

// One proxy per contract: in the runner each call runs the student's code and is recorded; in
// the judge (no student code) each call is answered from the record. See `Tape`. The activation
// store is the grader's measuring instrument: its state after a call, as the harness counted it
// in the runner, is restored into the judge's own store, which the grader then reads.

extension Tape {
  /// A call that works in the grader's activation store: the store's record travels with it.
  fileprivate func call<Result: Codable>(
    _ method: String, in store: ActivationStore, _ body: () throws -> Result
  ) throws -> Result {
    try call(method, state: { store.record }, restore: { store.restore($0) }, body)
  }
}

/// `StoreAllBackprop` through a tape.
struct StoreAllBackpropProxy: StoreAllBackprop, Sendable {
  let tape: Tape
  let base: (any StoreAllBackprop & Sendable)?

  func step(_ chain: Chain, input: Tensor, targets: Tensor, store: ActivationStore) throws
    -> StepResult
  {
    try tape.call("step", in: store) {
      try base!.step(chain, input: input, targets: targets, store: store)
    }
  }
}

/// `CheckpointedStep` through a tape.
struct CheckpointedStepProxy: CheckpointedStep, Sendable {
  let tape: Tape
  let base: (any CheckpointedStep & Sendable)?

  func step(
    _ chain: Chain, input: Tensor, targets: Tensor, segmentLength: Int, store: ActivationStore
  ) throws -> StepResult {
    try tape.call("step", in: store) {
      try base!.step(
        chain, input: input, targets: targets, segmentLength: segmentLength, store: store)
    }
  }
}

/// `GradientAccumulation` through a tape.
struct GradientAccumulationProxy: GradientAccumulation, Sendable {
  let tape: Tape
  let base: (any GradientAccumulation & Sendable)?

  func accumulate(
    _ chain: Chain, input: Tensor, targets: Tensor, microBatches: Int, store: ActivationStore
  ) throws -> StepResult {
    try tape.call("accumulate", in: store) {
      try base!.accumulate(
        chain, input: input, targets: targets, microBatches: microBatches, store: store)
    }
  }
}

/// `RecomputeSchedule` through a tape.
struct RecomputeScheduleProxy: RecomputeSchedule, Sendable {
  let tape: Tape
  let base: (any RecomputeSchedule & Sendable)?

  func minimalForwardSteps(steps: Int, slots: Int) throws -> Int {
    try tape.call("minimalForwardSteps") {
      try base!.minimalForwardSteps(steps: steps, slots: slots)
    }
  }

  func schedule(steps: Int, slots: Int) throws -> [RevolveAction] {
    try tape.call("schedule") { try base!.schedule(steps: steps, slots: slots) }
  }
}

/// `SwapPlanner` through a tape.
struct SwapPlannerProxy: SwapPlanner, Sendable {
  let tape: Tape
  let base: (any SwapPlanner & Sendable)?

  func stepTime(_ problem: SwapProblem, swapping swapped: Set<Int>) throws -> Double {
    try tape.call("stepTime") { try base!.stepTime(problem, swapping: swapped) }
  }

  func plan(_ problem: SwapProblem) throws -> SwapPlan {
    try tape.call("plan") { try base!.plan(problem) }
  }
}

/// What `train` leaves behind besides its losses: the chain and optimizer it updated in place,
/// and the store.
private struct TrainingAfter: Codable {
  var chain: Chain
  var optimizer: Adam
  var store: StoreRecord
}

/// `TrainingRun` through a tape.
struct TrainingRunProxy: TrainingRun, Sendable {
  let tape: Tape
  let base: (any TrainingRun & Sendable)?

  func train(
    _ chain: inout Chain, on data: Dataset, optimizer: inout Adam, steps: Int,
    segmentLength: Int, store: ActivationStore
  ) throws -> [Double] {
    var trained = chain
    var adam = optimizer
    defer {
      chain = trained
      optimizer = adam
    }
    return try tape.call(
      "train",
      state: { TrainingAfter(chain: trained, optimizer: adam, store: store.record) },
      restore: { after in
        trained = after.chain
        adam = after.optimizer
        store.restore(after.store)
      }
    ) {
      try base!.train(
        &trained, on: data, optimizer: &adam, steps: steps, segmentLength: segmentLength,
        store: store)
    }
  }
}

extension CheckpointingGraders {
  /// Each contract's proxy on `tape`, around `edition`'s implementation (nil in the judge).
  public static func proxies(on tape: Tape, around edition: CheckpointingEdition?)
    -> CheckpointingEdition
  {
    (
      storeAll: StoreAllBackpropProxy(tape: tape, base: edition?.storeAll),
      checkpointed: CheckpointedStepProxy(tape: tape, base: edition?.checkpointed),
      training: TrainingRunProxy(tape: tape, base: edition?.training),
      schedule: RecomputeScheduleProxy(tape: tape, base: edition?.schedule),
      accumulation: GradientAccumulationProxy(tape: tape, base: edition?.accumulation),
      swapping: SwapPlannerProxy(tape: tape, base: edition?.swapping)
    )
  }
}
