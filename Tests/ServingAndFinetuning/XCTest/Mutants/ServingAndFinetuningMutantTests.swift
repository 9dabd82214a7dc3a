#if canImport(ServingAndFinetuningSolutions)
  import Harness
  import HarnessXCTest
  import ServingAndFinetuning
  import ServingAndFinetuningGraders
  import ServingAndFinetuningSolutions
  import XCTest

  /// The maintainers' proof that each ServingAndFinetuning grader catches the mistakes students
  /// make: every mutant is a reference solution with one named mistake, and grading it must fail
  /// with a message that names the symptom. CONTRIBUTING.md lists the mutants per exercise.
  final class ServingAndFinetuningMutantTests: XCTestCase {

    /// Grades `exercise` with the given implementations and requires a failure naming `symptom`.
    private func assertCaught<Cache: PagedKVCache>(
      _ exercise: String, _ mutant: String, symptom: String,
      sizing: some KVCacheSizing & Sendable = KVCacheCalculator(),
      pagedCache: Cache.Type = PagedCache.self,
      lora: some LoRALinear & Sendable = LoRALayer(),
      quantizer: some Int4AndNF4 & Sendable = BlockQuantizer(),
      adam: some Adam8bit & Sendable = Adam8bitOptimizer(),
      file: StaticString = #filePath, line: UInt = #line
    ) {
      let exercises = ServingAndFinetuningGraders.exercises(
        sizing: sizing, pagedCache: pagedCache, lora: lora, quantizer: quantizer, adam: adam)
      guard let graded = exerciseNamed(exercise, in: exercises, file: file, line: line) else {
        return
      }
      assertMutantCaught(graded, mutant: mutant, symptom: symptom, file: file, line: line)
    }

    /// Judges `exercise` with the given implementations recorded in-process and replayed.
    private func judged<Cache: PagedKVCache>(
      _ exercise: String, pagedCache: Cache.Type = PagedCache.self,
      lora: some LoRALinear & Sendable = LoRALayer()
    ) -> [CheckResult] {
      Judge.gradeInProcess(
        exercise: exercise,
        recording: { tape in
          ServingAndFinetuningGraders.recording(
            on: tape, sizing: KVCacheCalculator(), pagedCache: pagedCache, lora: lora,
            quantizer: BlockQuantizer(), adam: Adam8bitOptimizer())
        }, replaying: ServingAndFinetuningGraders.replaying(on:))
    }

    /// The pool's meters and the gradient store are measured where the student's code runs and
    /// made again on the judge's own objects: through the judge, the mutants whose only symptom
    /// is memory still fail, and the solutions still pass.
    func testMemoryMutantsAreCaughtThroughTheJudge() {
      let memory: [(String, String, [CheckResult])] = [
        (
          "fork copies", "the ideal count", judged("PagedKVCache", pagedCache: ForkCopies.self)
        ),
        ("never releases", "the ideal count", judged("PagedKVCache", pagedCache: Leaks.self)),
        (
          "a spare block reserved ahead", "the ideal count",
          judged("PagedKVCache", pagedCache: AllocatesEarly.self)
        ),
        (
          "a gradient for W", "the size of the frozen W",
          judged("LoRALinear", lora: LoRALinearMutant(.storesWGradient))
        ),
      ]
      for (mutant, symptom, results) in memory {
        XCTAssertTrue(
          results.contains { !$0.passed && $0.message.contains(symptom) },
          "\(mutant) is not caught through the judge: "
            + results.map { "\($0.check): \($0.message)" }.joined(separator: " | "))
      }
      for exercise in ["PagedKVCache", "LoRALinear"] {
        let solved = judged(exercise)
        XCTAssertFalse(solved.isEmpty, "\(exercise): nothing judged")
        XCTAssertTrue(
          solved.allSatisfy(\.passed), "\(exercise): the solution fails through the judge")
      }
    }

    func testKVCacheSizingMutants() {
      let name = "KVCacheSizing"
      let cases: [(String, KVCacheSizingMutant.Mistake, String)] = [
        ("query heads counted", .queryHeads, "grouped-query attention counts kv heads"),
        ("keys only", .keysOnly, "524288 bytes per token"),
        ("2 bytes whatever the model", .alwaysTwoBytes, "an odd head count"),
        ("largest batch rounded up", .batchRoundsUp, "the largest batch that fits"),
        ("negative batch", .negativeBatch, "weights alone exceed the device"),
        ("no check that kv heads divide", .noValidation, "invalidConfiguration"),
      ]
      for (mutant, mistake, symptom) in cases {
        assertCaught(name, mutant, symptom: symptom, sizing: KVCacheSizingMutant(mistake))
      }
    }

    func testPagedKVCacheMutants() {
      let name = "PagedKVCache"
      assertCaught(name, "fork copies", symptom: "shares the parent's", pagedCache: ForkCopies.self)
      assertCaught(
        name, "no copy on write", symptom: "copy on write", pagedCache: NoCopyOnWrite.self)
      assertCaught(
        name, "finish ignores reference counts", symptom: "keeps the blocks its fork still reads",
        pagedCache: FinishIgnoresReferences.self)
      assertCaught(
        name, "never releases", symptom: "gives every block back", pagedCache: Leaks.self)
      assertCaught(
        name, "a spare block reserved ahead", symptom: "the ideal count",
        pagedCache: AllocatesEarly.self)
      assertCaught(
        name, "full shared blocks copied", symptom: "a full shared block is never copied",
        pagedCache: CopiesFullBlocks.self)
    }

    func testLoRALinearMutants() {
      let name = "LoRALinear"
      let cases: [(String, LoRALinearMutant.Mistake, String)] = [
        ("scaled by α", .scaleAlpha, "scaled by α / r"),
        ("a gradient for W", .storesWGradient, "the size of the frozen W"),
        ("∂L/∂x without the adapter", .inputGradientFrozenOnly, "∂L/∂x"),
        ("B random at the start", .randomB, "B at the start"),
        ("r·dIn + dOut trainable", .countForgetsRank, "trainableParameters"),
        ("∂L/∂B without α / r", .unscaledGradB, "\"B\""),
      ]
      for (mutant, mistake, symptom) in cases {
        assertCaught(name, mutant, symptom: symptom, lora: LoRALinearMutant(mistake))
      }
    }

    func testInt4AndNF4Mutants() {
      let name = "Int4AndNF4"
      let cases: [(String, BlockwiseMutant.Mistake, String)] = [
        ("nibbles swapped", .swappedNibbles, "low nibble"),
        ("ties away from zero", .tiesAwayFromZero, "ties to even"),
        ("one scale for the tensor", .oneScale, "scale of group"),
        ("absmax / 8 and codes down to −8", .scaleOverEight, "scale of group"),
        ("no double quantization", .noDoubleQuantization, "4.127"),
        ("constants rounded to nearest", .constantsToNearest, "rounded up"),
      ]
      for (mutant, mistake, symptom) in cases {
        assertCaught(name, mutant, symptom: symptom, quantizer: BlockwiseMutant(mistake))
      }
    }

    func testAdam8bitMutants() {
      let name = "Adam8bit"
      let cases: [(String, Adam8bitMutant.Mistake, String)] = [
        ("no bias correction", .noBiasCorrection, "bias correction"),
        ("one block for the tensor", .oneBlock, "a zero scale per block"),
        ("fp32 moments kept between calls", .hiddenState, "keeps nothing between calls"),
        ("update from the requantized moments", .updatesFromRequantized, "fresh fp32 moments"),
        ("evenly spaced codes", .linearCodes, "tracks fp32 Adam"),
        ("v through the signed map", .signedMapForV, "v code"),
      ]
      for (mutant, mistake, symptom) in cases {
        assertCaught(name, mutant, symptom: symptom, adam: Adam8bitMutant(mistake))
      }
    }
  }
#endif
