import HarnessXCTest
import XCTest

/// Your `swift test`: grades each exercise of Exercises/Quantization in its own process (a crash or a
/// hang in one never hides another's result). The failing checks of your next exercise are
/// shown in full; the summary at the end says where every exercise stands.
final class QuantizationExercises: XCTestCase {
  func testSymmetricInt8() { CourseGrading.shared.assertPasses("SymmetricInt8") }
  func testAffineUInt8() { CourseGrading.shared.assertPasses("AffineUInt8") }
  func testPerChannel() { CourseGrading.shared.assertPasses("PerChannel") }
  func testInt8MatMul() { CourseGrading.shared.assertPasses("Int8MatMul") }
  func testQuantizedInference() { CourseGrading.shared.assertPasses("QuantizedInference") }
  func testLossScaling() { CourseGrading.shared.assertPasses("LossScaling") }
}
