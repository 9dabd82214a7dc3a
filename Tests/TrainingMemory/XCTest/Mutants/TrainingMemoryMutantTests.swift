#if canImport(TrainingMemorySolutions)
  import HarnessXCTest
  import TrainingMemoryGraders
  import TrainingMemorySolutions
  import XCTest

  /// Solutions/, which must pass every check: each mutant is one of them with one mistake.
  let solutions: TrainingMemoryEdition = (
    peak: PeakEstimator(), adam: AdamOptimizer.self, accountant: MemoryAccountant()
  )

  /// The maintainers' proof that the graders catch the mistakes students make: each mutant (in
  /// the files beside this one) is a reference solution with one named mistake, and its grader
  /// must fail it with a check or message that names the symptom. CONTRIBUTING.md lists them.
  final class TrainingMemoryMutantTests: XCTestCase {
    func testTrainingPeakMutants() {
      assertMutantsCaught(
        "TrainingPeak", of: TrainingMemoryGraders.self, in: solutions, replacing: \.peak,
        by: [
          (
            "nothing is ever freed", "each extra layer adds exactly its activation",
            Schedule(.neverFree)
          ),
          (
            "the peak taken at the end of the forward pass", "the peak is in the backward pass",
            Schedule(.forwardOnly)
          ),
          ("δᵢ freed before δᵢ₋₁ is allocated", " and δ", Schedule(.deltaFreedFirst)),
          (
            "weight gradients freed as soon as computed", "weight gradients dominate",
            Schedule(.gradientsFreed)
          ),
          ("the input batch a₀ left out", "a₀…a", Schedule(.noInput)),
          ("the optimizer state left out", "optimizer state", Schedule(.noOptimizerState)),
          (
            "sizes added with wrapping arithmetic", "throw instead of wrapping", Schedule(.wrapping)
          ),
        ], listed: true)
    }

    func testAdamStepMutants() {
      assertMutantsCaught(
        "AdamStep", of: TrainingMemoryGraders.self, in: solutions, replacing: \.adam,
        by: [
          ("no bias correction", "about lr·sign(g)", FlawedAdam<NoBiasCorrection>.self),
          (
            "the step counted after the update", "θ after one step",
            FlawedAdam<StepCountedLate>.self
          ),
          ("ε inside the square root", "(settings 2", FlawedAdam<EpsilonInsideRoot>.self),
          ("|g| instead of g² in v", "v after one step", FlawedAdam<AbsoluteGradient>.self),
          ("β₁ and β₂ swapped", "m after one step", FlawedAdam<BetasSwapped>.self),
          (
            "the previous gradients kept as well", "Adam's state is two Floats per parameter",
            FlawedAdam<KeepsGradients>.self
          ),
          ("mismatched lengths accepted", "expected an error", FlawedAdam<NoLengthCheck>.self),
        ], listed: true)
    }

    func testMemoryBreakdownMutants() {
      assertMutantsCaught(
        "MemoryBreakdown", of: TrainingMemoryGraders.self, in: solutions,
        replacing: \.accountant,
        by: [
          ("frozen parameters get gradients", "frozen weights", Flawed(.frozenGetGradients)),
          ("a master copy without an optimizer", "master", Flawed(.masterWithoutOptimizer)),
          (
            "ZeRO stage 1 shards the gradients too", "ZeRO stage 1",
            Flawed(.stageOneShardsGradients)
          ),
          ("shards rounded down", "ZeRO stage", Flawed(.shardsRoundedDown)),
          ("activations sharded", "activations", Flawed(.activationsSharded)),
          ("int4 rounded down", "4-bit frozen weights", Flawed(.int4RoundedDown)),
          (
            "the total added with wrapping arithmetic", "whose total does not",
            Flawed(.wrappingTotal)
          ),
          ("the trainable count truncated", "rounds to 500 trainable", Flawed(.trainableTruncated)),
        ], listed: true)
    }
  }
#endif
