import Units
import XCTest

final class UnitsTests: XCTestCase {
  func testByteFormatting() {
    XCTAssertEqual(ByteFormatting.decimal(208e9), "208 GB")
    XCTAssertEqual(ByteFormatting.decimal(31.2e9), "31.2 GB")
    XCTAssertEqual(ByteFormatting.decimal(78_643_200_000), "78.64 GB")
    XCTAssertEqual(ByteFormatting.decimal(2.1e12), "2.1 TB")
    XCTAssertEqual(ByteFormatting.binary(1024 * 1024 * 1024 * 3 / 2), "1.5 GiB")
    XCTAssertEqual(ByteFormatting.decimal(512), "512 B")
  }

  func testOneUnitWhateverTheSize() {
    XCTAssertEqual(ByteFormatting.decimal(5_243_000, in: "MB"), "5.24 MB")
    XCTAssertEqual(ByteFormatting.decimal(2e9, in: "MB"), "2000 MB")
    XCTAssertEqual(ByteFormatting.decimal(512, in: "B"), "512 B")
  }

  func testTrimmed() {
    XCTAssertEqual(ByteFormatting.trimmed(2.50, decimals: 2), "2.5")
    XCTAssertEqual(ByteFormatting.trimmed(3.0, decimals: 2), "3")
    XCTAssertEqual(ByteFormatting.trimmed(-0.001, decimals: 2), "0")
    XCTAssertEqual(ByteFormatting.trimmed(7.2247, decimals: 1), "7.2")
  }

  func testElementSizes() {
    XCTAssertEqual(ElementType.tf32.storageBits, 32)
    XCTAssertEqual(ElementType.int4.bytesPerElement, 0.5)
    XCTAssertEqual(ElementType.allCases.map(\.storageBits), [64, 32, 32, 16, 16, 8, 8, 4])
    XCTAssertEqual(ElementType.bf16.name, "bf16")
  }
}
