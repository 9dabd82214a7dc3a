import InferenceMemory
import XCTest

final class ScratchDumpTests: XCTestCase {
  func testDump() throws {
    for figure in InferenceMemoryFigures.all { print("FIG \(figure.id) = \(figure.text)") }
    for picture in InferenceMemoryPictures.all {
      try picture.svg().write(toFile: "/tmp/im_\(picture.id).svg", atomically: true, encoding: .utf8)
      print(picture.terminal(false))
      print(picture.terminal(true))
    }
  }
}
