import Harness
import HarnessXCTest
import NumberFormatsGraders
import XCTest

/// Grades your Exercises/NumberFormats, one exercise per test, each in its own process.
final class NumberFormatsTests: XCTestCase {
  override func setUpWithError() throws {
    try XCTSkipIf(isMaintainerRun, "the maintainers' run grades Solutions/ instead")
  }

  func testIntegerDecoding() {
    assertExercisePasses("IntegerDecoding", checker: "NumberFormatsCheck")
  }

  func testFloatDecoding() {
    assertExercisePasses("FloatDecoding", checker: "NumberFormatsCheck")
  }

  func testFloatEncoding() {
    assertExercisePasses("FloatEncoding", checker: "NumberFormatsCheck")
  }

  func testE4M3Rules() {
    assertExercisePasses("E4M3Rules", checker: "NumberFormatsCheck")
  }
}

#if canImport(NumberFormatsSolutions)
  import NumberFormatsExercises
  import NumberFormatsSolutions

  /// The maintainers' half (`make test`): the same graders pass Solutions/ and fail the stubs.
  final class NumberFormatsEditionTests: XCTestCase {
    override func setUpWithError() throws {
      try XCTSkipUnless(isMaintainerRun, "set WORKBOOK_MAINTAINER=1 to grade Solutions/")
    }

    func testSolutionsPass() {
      let exercises = NumberFormatsGraders.exercises(
        integers: NumberFormatsSolutions.IntegerDecoder(),
        decoder: NumberFormatsSolutions.FloatDecoder(),
        encoder: NumberFormatsSolutions.FloatEncoder(),
        e4m3: NumberFormatsSolutions.E4M3Codec())
      for exercise in exercises { assertPassed(exercise.run()) }
    }

    func testStubsFailEveryCheck() {
      let exercises = NumberFormatsGraders.exercises(
        integers: NumberFormatsExercises.IntegerDecoder(),
        decoder: NumberFormatsExercises.FloatDecoder(),
        encoder: NumberFormatsExercises.FloatEncoder(),
        e4m3: NumberFormatsExercises.E4M3Codec())
      for exercise in exercises { assertEveryCheckFails(exercise) }
    }
  }
#endif
