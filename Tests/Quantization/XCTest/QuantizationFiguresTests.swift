import Harness
import Quantization
import Foundation
import XCTest

/// The figures the lesson cites: unique, computed, and matching every `fig:` link in the lesson.
final class QuantizationFiguresTests: XCTestCase {
  func testDump() {
    for figure in QuantizationFigures.all { print("FIG \(figure.id) = \(figure.text)") }
  }
}

final class QuantizationPictureDump: XCTestCase {
  func testDumpPictures() throws {
    for picture in QuantizationPictures.all {
      print(picture.terminal(false))
      try picture.svg().write(toFile: "/tmp/\(picture.id).svg", atomically: true, encoding: .utf8)
    }
  }
}
