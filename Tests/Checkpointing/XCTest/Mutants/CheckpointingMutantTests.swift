#if canImport(CheckpointingSolutions)
  import Checkpointing
  import CheckpointingGraders
  import CheckpointingSolutions
  import Harness
  import HarnessXCTest
  import XCTest

  /// The maintainers' proof that each Checkpointing grader catches the mistakes students make:
  /// every mutant is a reference solution with one named mistake, and grading it must fail with a
  /// message that names the symptom. CONTRIBUTING.md lists the mutants per exercise.
  final class CheckpointingMutantTests: XCTestCase {

    /// Grades `exercise` with `mutant` in place of its reference solution and requires a failure
    /// mentioning `symptom`.
    private func assertCaught(
      _ exercise: String, _ mutant: String, symptom: String,
      storeAll: some StoreAllBackprop & Sendable = StoreAllBackpropagation(),
      checkpointed: some CheckpointedStep & Sendable = SegmentCheckpointing(),
      training: some TrainingRun & Sendable = CheckpointedTraining(),
      schedule: some RecomputeSchedule & Sendable = RevolveScheduler(),
      accumulation: some GradientAccumulation & Sendable = MicroBatchAccumulator(),
      swapping: some SwapPlanner & Sendable = ActivationSwapPlanner(),
      file: StaticString = #filePath, line: UInt = #line
    ) {
      let exercises = CheckpointingGraders.exercises(
        storeAll: storeAll, checkpointed: checkpointed, training: training, schedule: schedule,
        accumulation: accumulation, swapping: swapping)
      guard let graded = exerciseNamed(exercise, in: exercises, file: file, line: line) else {
        return
      }
      assertMutantCaught(graded, mutant: mutant, symptom: symptom, file: file, line: line)
    }

    func testStoreAllBackpropMutants() {
      let name = "StoreAllBackprop"
      assertCaught(
        name, "the loss gradient handed to every layer", symptom: "output gradient",
        storeAll: LossGradientEverywhere())
      assertCaught(
        name, "gradients collected in backward order", symptom: "of layer 0",
        storeAll: GradientsInBackwardOrder())
      assertCaught(name, "nothing freed", symptom: "should be empty", storeAll: NeverFrees())
      assertCaught(
        name, "the input never freed", symptom: "still holds activations [0]",
        storeAll: KeepsInput())
      assertCaught(
        name, "layer 0's backward skipped", symptom: "layer backwards",
        storeAll: SkipsFirstLayerBackward())
      assertCaught(
        name, "activations freed before their backward", symptom: "which is not stored",
        storeAll: FreesBeforeBackward())
    }

    func testCheckpointedStepMutants() {
      let name = "CheckpointedStep"
      assertCaught(
        name, "K ignored, √N used", symptom: "segment schedule",
        checkpointed: SegmentMutant(.rootOfDepth))
      assertCaught(
        name, "K read as the number of segments", symptom: "segment schedule",
        checkpointed: SegmentMutant(.lengthIsCount))
      assertCaught(
        name, "the short segment first", symptom: "segment schedule",
        checkpointed: SegmentMutant(.remainderFirst))
      assertCaught(
        name, "recomputed activations kept to the end", symptom: "segment schedule",
        checkpointed: SegmentMutant(.keepsRecomputed))
      assertCaught(
        name, "each segment recomputed from the input", symptom: "segment schedule",
        checkpointed: SegmentMutant(.recomputesFromInput))
      assertCaught(
        name, "every activation kept (no checkpointing)", symptom: "segment schedule",
        checkpointed: SegmentMutant(.storesAll))
    }

    func testTrainingRunMutants() {
      let name = "TrainingRun"
      assertCaught(
        name, "K ignored, √N used", symptom: "K = 3", training: TrainingMutant(.rootOfDepth))
      assertCaught(
        name, "store-all steps", symptom: "peaks at exactly", training: TrainingMutant(.storeAll))
      assertCaught(
        name, "losses recorded after the update", symptom: "the loss of step 0",
        training: TrainingMutant(.lossAfterUpdate))
      assertCaught(
        name, "a copy of the optimizer updated", symptom: "Adam updates",
        training: TrainingMutant(.optimizerCopy))
      assertCaught(
        name, "one step short", symptom: "one loss per step", training: TrainingMutant(.oneShort))
      assertCaught(
        name, "a store of its own", symptom: "the store counted",
        training: TrainingMutant(.ownStore))
    }

    func testRecomputeScheduleMutants() {
      let name = "RecomputeSchedule"
      assertCaught(
        name, "split in the middle instead of optimally", symptom: "minimalForwardSteps",
        schedule: BisectionSchedule())
      assertCaught(
        name, "the one-slot count for every budget", symptom: "minimalForwardSteps",
        schedule: OneSlotCount())
      assertCaught(
        name, "x₀'s slot not counted", symptom: "minimalForwardSteps", schedule: SlotForX0Free())
      assertCaught(
        name, "snapshots never dropped", symptom: "slots are full", schedule: NeverDrops())
      assertCaught(
        name, "a one-slot schedule whatever the budget", symptom: "advances in schedule",
        schedule: OneSlotSchedule())
      assertCaught(
        name, "every state snapshotted", symptom: "slots are full",
        schedule: SnapshotsEveryState())
    }

    func testGradientAccumulationMutants() {
      let name = "GradientAccumulation"
      assertCaught(
        name, "sums not divided by k", symptom: "the mean loss",
        accumulation: AccumulationMutant(.noDivision))
      assertCaught(
        name, "divided by the rows per slice", symptom: "the mean loss",
        accumulation: AccumulationMutant(.dividesByRows))
      assertCaught(
        name, "the loss left undivided", symptom: "the mean loss",
        accumulation: AccumulationMutant(.lossUndivided))
      assertCaught(
        name, "the last slice left out", symptom: "the mean loss",
        accumulation: AccumulationMutant(.missesLastSlice))
      assertCaught(
        name, "the whole batch at once", symptom: "exactly one micro-batch's",
        accumulation: AccumulationMutant(.wholeBatch))
      assertCaught(
        name, "a fresh store per slice", symptom: "the store measured 0",
        accumulation: AccumulationMutant(.freshStores))
    }

    func testSwapPlannerMutants() {
      let name = "SwapPlanner"
      assertCaught(
        name, "swap-in waits for the backward above to end", symptom: "stepTime",
        swapping: SwapMutant(.noPrefetch))
      assertCaught(
        name, "a link per direction", symptom: "stepTime", swapping: SwapMutant(.twoLinks))
      assertCaught(
        name, "swap-outs free of the link", symptom: "stepTime",
        swapping: SwapMutant(.freeSwapOuts))
      assertCaught(
        name, "largest layers swapped first", symptom: "the fastest step time",
        swapping: SwapMutant(.greedyLargest))
      assertCaught(
        name, "a budget that must not be met", symptom: "the fastest step time",
        swapping: SwapMutant(.strictBudget))
      assertCaught(
        name, "swapped bytes reported as kept", symptom: "kept bytes",
        swapping: SwapMutant(.keptIsSwapped))
    }
  }
#endif
