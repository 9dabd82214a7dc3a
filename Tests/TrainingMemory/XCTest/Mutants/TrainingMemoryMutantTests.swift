#if canImport(TrainingMemorySolutions)
  import Harness
  import HarnessXCTest
  import TrainingMemory
  import TrainingMemoryGraders
  import TrainingMemorySolutions
  import XCTest
  import Foundation

  /// The maintainers' proof that the graders catch the mistakes students make: each mutant (in
  /// the files beside this one) is a reference solution with one named mistake, and its grader
  /// must fail it with a check or message that names the symptom. CONTRIBUTING.md lists them.
  /// The checkout's root: this file is Tests/<Topic>/XCTest/Mutants/<name>.swift.
  private let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

  final class TrainingMemoryMutantTests: XCTestCase {

    private func graded<Adam: AdamStepping>(
      _ name: String, peak: some TrainingPeakEstimating & Sendable = PeakEstimator(),
      adam: Adam.Type = AdamOptimizer.self,
      accountant: some MemoryAccounting & Sendable = MemoryAccountant()
    ) -> Exercise? {
      TrainingMemoryGraders.exercises(peak: peak, adam: adam, accountant: accountant)
        .first { $0.name == name }
    }

    func testEveryMutantIsListedInContributing() {
      assertMutantsListed(
        trainingPeakMutants.map(\.0), exercise: "TrainingPeak", repository: repository)
      assertMutantsListed(adamStepMutants.map(\.0), exercise: "AdamStep", repository: repository)
      assertMutantsListed(
        memoryBreakdownMutants.map(\.0), exercise: "MemoryBreakdown", repository: repository)
    }

    func testTrainingPeakMutants() {
      for (mutant, symptom, peak) in trainingPeakMutants {
        assertMutantCaught(graded("TrainingPeak", peak: peak), mutant: mutant, symptom: symptom)
      }
    }

    func testAdamStepMutants() {
      for (mutant, symptom, adam) in adamStepMutants {
        assertMutantCaught(graded("AdamStep", adam: adam), mutant: mutant, symptom: symptom)
      }
    }

    func testMemoryBreakdownMutants() {
      for (mutant, symptom, accountant) in memoryBreakdownMutants {
        assertMutantCaught(
          graded("MemoryBreakdown", accountant: accountant), mutant: mutant, symptom: symptom)
      }
    }
  }
#endif
