import Checkpointing
import Harness

// One proxy per contract: in the runner each call runs the student's code and is recorded; in
// the judge (no student code) each call is answered from the record. See `Tape`. The activation
// store is the grader's measuring instrument: its state after a call, as the harness counted it
// in the runner, is restored into the judge's own store, which the grader then reads.

/// `StoreAllBackprop` through a tape.
struct StoreAllBackpropProxy: StoreAllBackprop, Sendable {
  let tape: Tape
  let base: (any StoreAllBackprop & Sendable)?

  func step(_ chain: Chain, input: Tensor, targets: Tensor, store: ActivationStore) throws
    -> StepResult
  {
    try tape.call("step", state: { store.record }, restore: { store.restore($0) }) {
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
    try tape.call("step", state: { store.record }, restore: { store.restore($0) }) {
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
    try tape.call("accumulate", state: { store.record }, restore: { store.restore($0) }) {
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
  /// The topic's exercises for the runner: the student's implementations, each call recorded.
  public static func recording(
    on tape: Tape,
    storeAll: some StoreAllBackprop & Sendable, checkpointed: some CheckpointedStep & Sendable,
    training: some TrainingRun & Sendable, schedule: some RecomputeSchedule & Sendable,
    accumulation: some GradientAccumulation & Sendable, swapping: some SwapPlanner & Sendable
  ) -> [Exercise] {
    ReplayableErrors.register(CheckpointingError.self)
    return exercises(
      storeAll: StoreAllBackpropProxy(tape: tape, base: storeAll),
      checkpointed: CheckpointedStepProxy(tape: tape, base: checkpointed),
      training: TrainingRunProxy(tape: tape, base: training),
      schedule: RecomputeScheduleProxy(tape: tape, base: schedule),
      accumulation: GradientAccumulationProxy(tape: tape, base: accumulation),
      swapping: SwapPlannerProxy(tape: tape, base: swapping))
  }

  /// The topic's exercises for the judge: every call answered from the runner's record.
  public static func replaying(on tape: Tape) -> [Exercise] {
    ReplayableErrors.register(CheckpointingError.self)
    return exercises(
      storeAll: StoreAllBackpropProxy(tape: tape, base: nil),
      checkpointed: CheckpointedStepProxy(tape: tape, base: nil),
      training: TrainingRunProxy(tape: tape, base: nil),
      schedule: RecomputeScheduleProxy(tape: tape, base: nil),
      accumulation: GradientAccumulationProxy(tape: tape, base: nil),
      swapping: SwapPlannerProxy(tape: tape, base: nil))
  }
}
