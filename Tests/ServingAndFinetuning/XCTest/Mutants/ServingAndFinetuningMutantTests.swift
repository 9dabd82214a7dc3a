#if canImport(ServingAndFinetuningSolutions)
  import HarnessXCTest
  import ServingAndFinetuning
  import ServingAndFinetuningGraders
  import ServingAndFinetuningSolutions
  import XCTest

  /// Solutions/, which must pass every check: each mutant is one of them with one mistake.
  let solutions: ServingAndFinetuningEdition = (
    sizing: KVCacheCalculator(), pagedCache: PagedCache.self, lora: LoRALayer(),
    quantizer: BlockQuantizer(), adam: Adam8bitOptimizer()
  )

  /// The maintainers' proof that each ServingAndFinetuning grader catches the mistakes students
  /// make: every mutant is a reference solution with one named mistake, and grading it must fail
  /// with a message that names the symptom. CONTRIBUTING.md lists the mutants per exercise.
  final class ServingAndFinetuningMutantTests: XCTestCase {
    /// The pool's meters and the gradient store are measured where the student's code runs and
    /// made again on the judge's own objects: through the judge, the mutants whose only symptom
    /// is memory still fail.
    func testMemoryMutantsAreCaughtThroughTheJudge() {
      assertMutantsJudged(
        "PagedKVCache", of: ServingAndFinetuningGraders.self, in: solutions,
        replacing: \.pagedCache,
        by: [
          ("fork copies", ForkCopies.self), ("never releases", Leaks.self),
          ("a spare block reserved ahead", AllocatesEarly.self),
        ], symptom: "the ideal count")
      assertMutantsJudged(
        "LoRALinear", of: ServingAndFinetuningGraders.self, in: solutions, replacing: \.lora,
        by: [("a gradient for W", LoRALinearMutant(.storesWGradient))],
        symptom: "the size of the frozen W")
    }

    func testKVCacheSizingMutants() {
      let cases: [(String, KVCacheSizingMutant.Mistake, String)] = [
        ("query heads counted", .queryHeads, "grouped-query attention counts kv heads"),
        ("keys only", .keysOnly, "524288 bytes per token"),
        ("2 bytes whatever the model", .alwaysTwoBytes, "an odd head count"),
        ("largest batch rounded up", .batchRoundsUp, "the largest batch that fits"),
        ("negative batch", .negativeBatch, "weights alone exceed the device"),
        ("no check that kv heads divide", .noValidation, "invalidConfiguration"),
      ]
      assertMutantsCaught(
        "KVCacheSizing", of: ServingAndFinetuningGraders.self, in: solutions,
        replacing: \.sizing, by: cases.map { ($0, $2, KVCacheSizingMutant($1)) })
    }

    func testPagedKVCacheMutants() {
      assertMutantsCaught(
        "PagedKVCache", of: ServingAndFinetuningGraders.self, in: solutions,
        replacing: \.pagedCache,
        by: [
          ("fork copies", "shares the parent's", ForkCopies.self),
          ("no copy on write", "copy on write", NoCopyOnWrite.self),
          (
            "finish ignores reference counts", "keeps the blocks its fork still reads",
            FinishIgnoresReferences.self
          ),
          ("never releases", "gives every block back", Leaks.self),
          ("a spare block reserved ahead", "the ideal count", AllocatesEarly.self),
          (
            "full shared blocks copied", "a full shared block is never copied",
            CopiesFullBlocks.self
          ),
        ])
    }

    func testLoRALinearMutants() {
      let cases: [(String, LoRALinearMutant.Mistake, String)] = [
        ("scaled by α", .scaleAlpha, "scaled by α / r"),
        ("a gradient for W", .storesWGradient, "the size of the frozen W"),
        ("∂L/∂x without the adapter", .inputGradientFrozenOnly, "∂L/∂x"),
        ("B random at the start", .randomB, "B at the start"),
        ("r·dIn + dOut trainable", .countForgetsRank, "trainableParameters"),
        ("∂L/∂B without α / r", .unscaledGradB, "\"B\""),
      ]
      assertMutantsCaught(
        "LoRALinear", of: ServingAndFinetuningGraders.self, in: solutions, replacing: \.lora,
        by: cases.map { ($0, $2, LoRALinearMutant($1)) })
    }

    func testInt4AndNF4Mutants() {
      let cases: [(String, BlockwiseMutant.Mistake, String)] = [
        ("nibbles swapped", .swappedNibbles, "low nibble"),
        ("ties away from zero", .tiesAwayFromZero, "ties to even"),
        ("one scale for the tensor", .oneScale, "scale of group"),
        ("absmax / 8 and codes down to −8", .scaleOverEight, "scale of group"),
        ("no double quantization", .noDoubleQuantization, "4.127"),
        ("constants rounded to nearest", .constantsToNearest, "rounded up"),
      ]
      assertMutantsCaught(
        "Int4AndNF4", of: ServingAndFinetuningGraders.self, in: solutions,
        replacing: \.quantizer, by: cases.map { ($0, $2, BlockwiseMutant($1)) })
    }

    func testAdam8bitMutants() {
      let cases: [(String, Adam8bitMutant.Mistake, String)] = [
        ("no bias correction", .noBiasCorrection, "bias correction"),
        ("one block for the tensor", .oneBlock, "a zero scale per block"),
        ("fp32 moments kept between calls", .hiddenState, "keeps nothing between calls"),
        ("update from the requantized moments", .updatesFromRequantized, "fresh fp32 moments"),
        ("evenly spaced codes", .linearCodes, "tracks fp32 Adam"),
        ("v through the signed map", .signedMapForV, "v code"),
      ]
      assertMutantsCaught(
        "Adam8bit", of: ServingAndFinetuningGraders.self, in: solutions, replacing: \.adam,
        by: cases.map { ($0, $2, Adam8bitMutant($1)) })
    }
  }
#endif
