import HarnessXCTest
import XCTest

/// Your `swift test`: grades each exercise of Exercises/ServingAndFinetuning in its own process
/// (a crash or a hang in one never hides another's result). The failing checks of your next
/// exercise are shown in full; the summary at the end says where every exercise stands.
final class ServingAndFinetuningExercises: XCTestCase {
  func testKVCacheSizing() { CourseGrading.shared.assertPasses("KVCacheSizing") }
  func testPagedKVCache() { CourseGrading.shared.assertPasses("PagedKVCache") }
  func testLoRALinear() { CourseGrading.shared.assertPasses("LoRALinear") }
  func testInt4AndNF4() { CourseGrading.shared.assertPasses("Int4AndNF4") }
  func testAdam8bit() { CourseGrading.shared.assertPasses("Adam8bit") }
}
