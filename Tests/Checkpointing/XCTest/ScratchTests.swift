import Checkpointing
import Foundation
import XCTest

final class ScratchTests: XCTestCase {
  func testScratch() throws {
    for p in CheckpointingPictures.all {
      try p.svg().write(toFile: "/tmp/ckpt-\(p.id).svg", atomically: true, encoding: .utf8)
      print(p.terminal(false))
      try p.terminal(true).write(toFile: "/tmp/ckpt-\(p.id).ansi", atomically: true, encoding: .utf8)
    }
  }
}
