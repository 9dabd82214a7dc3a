#if canImport(NumberFormatsSolutions)
  import Harness
  import HarnessXCTest
  import NumberFormats
  import NumberFormatsGraders
  import NumberFormatsSolutions
  import XCTest
  import Foundation

  /// The maintainers' proof that the graders catch the mistakes students make: each mutant (in
  /// the files beside this one) is a reference solution with one named mistake, and its grader
  /// must fail it with a message that names the symptom. CONTRIBUTING.md lists the names.
  /// The checkout's root: this file is Tests/<Topic>/XCTest/Mutants/<name>.swift.
  private let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

  final class NumberFormatsMutantTests: XCTestCase {

    private func graded(
      _ name: String, integers: some IntegerDecoding & Sendable = IntegerDecoder(),
      decoder: some FloatDecoding & Sendable = FloatDecoder(),
      encoder: some FloatEncoding & Sendable = FloatEncoder(),
      e4m3: some E4M3Rules & Sendable = E4M3Codec()
    ) -> Exercise? {
      NumberFormatsGraders.exercises(
        integers: integers, decoder: decoder, encoder: encoder, e4m3: e4m3
      ).first { $0.name == name }
    }

    func testEveryMutantIsListedInContributing() {
      assertMutantsListed(
        integerDecodingMutants.map(\.0), exercise: "IntegerDecoding", repository: repository)
      assertMutantsListed(
        floatDecodingMutants.map(\.0), exercise: "FloatDecoding", repository: repository)
      assertMutantsListed(
        floatEncodingMutants.map(\.0), exercise: "FloatEncoding", repository: repository)
      assertMutantsListed(e4m3Mutants.map(\.0), exercise: "E4M3Rules", repository: repository)
    }

    func testIntegerDecodingMutants() {
      for (mutant, symptom, integers) in integerDecodingMutants {
        assertMutantCaught(
          graded("IntegerDecoding", integers: integers), mutant: mutant, symptom: symptom)
      }
    }

    func testFloatDecodingMutants() {
      for (mutant, symptom, decoder) in floatDecodingMutants {
        assertMutantCaught(
          graded("FloatDecoding", decoder: decoder), mutant: mutant, symptom: symptom)
      }
    }

    func testFloatEncodingMutants() {
      for (mutant, symptom, encoder) in floatEncodingMutants {
        assertMutantCaught(
          graded("FloatEncoding", encoder: encoder), mutant: mutant, symptom: symptom)
      }
    }

    func testE4M3RulesMutants() {
      for (mutant, symptom, codec) in e4m3Mutants {
        assertMutantCaught(graded("E4M3Rules", e4m3: codec), mutant: mutant, symptom: symptom)
      }
    }
  }
#endif
