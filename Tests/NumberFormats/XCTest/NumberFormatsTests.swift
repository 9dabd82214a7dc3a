import Harness
import HarnessXCTest
import NumberFormatsGraders
import XCTest

#if canImport(NumberFormatsSolutions)
  import NumberFormatsExercises
  import NumberFormatsSolutions

  /// The maintainers' half (`make test`): the same graders pass Solutions/ and fail the stubs.
  final class NumberFormatsEditionTests: XCTestCase {

    func testSolutionsPass() {
      let exercises = NumberFormatsGraders.exercises(
        integers: NumberFormatsSolutions.IntegerDecoder(),
        decoder: NumberFormatsSolutions.FloatDecoder(),
        encoder: NumberFormatsSolutions.FloatEncoder(),
        e4m3: NumberFormatsSolutions.E4M3Codec())
      for exercise in exercises { assertSolutionPasses(exercise) }
    }

    func testStubsFailEveryCheck() {
      let exercises = NumberFormatsGraders.exercises(
        integers: NumberFormatsExercises.IntegerDecoder(),
        decoder: NumberFormatsExercises.FloatDecoder(),
        encoder: NumberFormatsExercises.FloatEncoder(),
        e4m3: NumberFormatsExercises.E4M3Codec())
      for exercise in exercises { assertEveryCheckFails(exercise) }
    }

    func testSolutionsPassThroughTheJudge() {
      assertJudged(
        recording: { tape in
          NumberFormatsGraders.recording(
            on: tape, integers: NumberFormatsSolutions.IntegerDecoder(),
            decoder: NumberFormatsSolutions.FloatDecoder(),
            encoder: NumberFormatsSolutions.FloatEncoder(), e4m3: NumberFormatsSolutions.E4M3Codec()
          )
        }, replaying: NumberFormatsGraders.replaying(on:), solved: true)
    }

    func testStubsFailThroughTheJudge() {
      assertJudged(
        recording: { tape in
          NumberFormatsGraders.recording(
            on: tape, integers: NumberFormatsExercises.IntegerDecoder(),
            decoder: NumberFormatsExercises.FloatDecoder(),
            encoder: NumberFormatsExercises.FloatEncoder(), e4m3: NumberFormatsExercises.E4M3Codec()
          )
        }, replaying: NumberFormatsGraders.replaying(on:), solved: false)
    }
  }
#endif
