#if canImport(CheckpointingSolutions)
  import CheckpointingGraders
  import CheckpointingSolutions
  import HarnessXCTest
  import XCTest

  /// Solutions/, which must pass every check: each mutant is one of them with one mistake.
  let solutions: CheckpointingEdition = (
    storeAll: StoreAllBackpropagation(), checkpointed: SegmentCheckpointing(),
    training: CheckpointedTraining(), schedule: RevolveScheduler(),
    accumulation: MicroBatchAccumulator(), swapping: ActivationSwapPlanner()
  )

  /// The maintainers' proof that each Checkpointing grader catches the mistakes students make:
  /// every mutant is a reference solution with one named mistake, and grading it must fail with a
  /// message that names the symptom. CONTRIBUTING.md lists the mutants per exercise.
  final class CheckpointingMutantTests: XCTestCase {
    func testStoreAllBackpropMutants() {
      assertMutantsCaught(
        "StoreAllBackprop", of: CheckpointingGraders.self, in: solutions, replacing: \.storeAll,
        by: [
          (
            "the loss gradient handed to every layer", "output gradient",
            StoreAllMutant.lossGradientEverywhere
          ),
          (
            "gradients collected in backward order", "of layer 0",
            StoreAllMutant.gradientsInBackwardOrder
          ),
          ("nothing freed", "should be empty", StoreAllMutant.neverFrees),
          ("the input never freed", "still holds activations [0]", StoreAllMutant.keepsInput),
          ("layer 0's backward skipped", "layer backwards", StoreAllMutant.skipsFirstLayerBackward),
          (
            "activations freed before their backward", "which is not stored",
            StoreAllMutant.freesBeforeBackward
          ),
        ])
    }

    func testCheckpointedStepMutants() {
      let mistakes: [(String, SegmentMutant.Mistake)] = [
        ("K ignored, √N used", .rootOfDepth), ("K read as the number of segments", .lengthIsCount),
        ("the short segment first", .remainderFirst),
        ("recomputed activations kept to the end", .keepsRecomputed),
        ("each segment recomputed from the input", .recomputesFromInput),
        ("every activation kept (no checkpointing)", .storesAll),
      ]
      assertMutantsCaught(
        "CheckpointedStep", of: CheckpointingGraders.self, in: solutions,
        replacing: \.checkpointed,
        by: mistakes.map { ($0, "segment schedule", SegmentMutant($1)) })
    }

    func testTrainingRunMutants() {
      assertMutantsCaught(
        "TrainingRun", of: CheckpointingGraders.self, in: solutions, replacing: \.training,
        by: [
          ("K ignored, √N used", "K = 3", TrainingMutant(.rootOfDepth)),
          ("store-all steps", "peaks at exactly", TrainingMutant(.storeAll)),
          (
            "losses recorded after the update", "the loss of step 0",
            TrainingMutant(.lossAfterUpdate)
          ),
          ("a copy of the optimizer updated", "Adam updates", TrainingMutant(.optimizerCopy)),
          ("one step short", "one loss per step", TrainingMutant(.oneShort)),
          ("a store of its own", "the store counted", TrainingMutant(.ownStore)),
        ])
    }

    func testRecomputeScheduleMutants() {
      assertMutantsCaught(
        "RecomputeSchedule", of: CheckpointingGraders.self, in: solutions,
        replacing: \.schedule,
        by: [
          ("split in the middle instead of optimally", "minimalForwardSteps", BisectionSchedule()),
          ("the one-slot count for every budget", "minimalForwardSteps", OneSlotCount()),
          ("x₀'s slot not counted", "minimalForwardSteps", SlotForX0Free()),
          ("snapshots never dropped", "slots are full", NeverDrops()),
          ("a one-slot schedule whatever the budget", "advances in schedule", OneSlotSchedule()),
          ("every state snapshotted", "slots are full", SnapshotsEveryState()),
        ])
    }

    func testGradientAccumulationMutants() {
      assertMutantsCaught(
        "GradientAccumulation", of: CheckpointingGraders.self, in: solutions,
        replacing: \.accumulation,
        by: [
          ("sums not divided by k", "the mean loss", AccumulationMutant(.noDivision)),
          ("divided by the rows per slice", "the mean loss", AccumulationMutant(.dividesByRows)),
          ("the loss left undivided", "the mean loss", AccumulationMutant(.lossUndivided)),
          ("the last slice left out", "the mean loss", AccumulationMutant(.missesLastSlice)),
          ("the whole batch at once", "exactly one micro-batch's", AccumulationMutant(.wholeBatch)),
          ("a fresh store per slice", "the store measured 0", AccumulationMutant(.freshStores)),
        ])
    }

    func testSwapPlannerMutants() {
      assertMutantsCaught(
        "SwapPlanner", of: CheckpointingGraders.self, in: solutions, replacing: \.swapping,
        by: [
          ("swap-in waits for the backward above to end", "stepTime", SwapMutant(.noPrefetch)),
          ("a link per direction", "stepTime", SwapMutant(.twoLinks)),
          ("swap-outs free of the link", "stepTime", SwapMutant(.freeSwapOuts)),
          ("largest layers swapped first", "the fastest step time", SwapMutant(.greedyLargest)),
          ("a budget that must not be met", "the fastest step time", SwapMutant(.strictBudget)),
          ("swapped bytes reported as kept", "kept bytes", SwapMutant(.keptIsSwapped)),
        ])
    }
  }
#endif
