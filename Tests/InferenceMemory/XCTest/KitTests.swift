import Harness
import HarnessXCTest
@_spi(Reference) import InferenceMemory
import XCTest

/// Unit tests of the kit in Sources/InferenceMemory: the allocator the graders trust, the
/// input checks of the public types, the naive forward, the figures and the pictures.
final class KitTests: XCTestCase {

  // MARK: Allocator

  func testAllocatorCountsLiveAndPeakBytes() throws {
    let allocator = ActivationAllocator()
    let a = try allocator.allocate(count: 10)
    let b = try allocator.allocate(count: 5)
    try allocator.free(a)
    let c = try allocator.allocate(count: 2)
    XCTAssertEqual(allocator.liveBytes, 28)
    XCTAssertEqual(allocator.peakBytes, 60)
    XCTAssertEqual(allocator.allocationCount, 3)
    XCTAssertEqual(allocator.freeCount, 1)
    XCTAssertEqual(allocator.timeline, [40, 60, 20, 28])
    XCTAssertEqual(allocator.events.map(\.kind), [.allocate, .allocate, .free, .allocate])
    XCTAssertTrue(allocator.buffers[1] === b && allocator.buffers[2] === c)
    XCTAssertEqual(c.count, 2)
    XCTAssertEqual(c[1], 0, "buffers start zeroed")
  }

  func testNonRecordingAllocatorKeepsOnlyCounters() throws {
    let allocator = ActivationAllocator(recording: false)
    let a = try allocator.allocate(count: 100)
    try allocator.free(a)
    XCTAssertEqual(allocator.peakBytes, 400)
    XCTAssertEqual(allocator.liveBytes, 0)
    XCTAssertTrue(allocator.events.isEmpty && allocator.buffers.isEmpty)
  }

  func testAllocatorMisuseThrowsOneLineErrors() throws {
    let allocator = ActivationAllocator()
    XCTAssertThrowsError(try allocator.allocate(count: -1)) {
      XCTAssertEqual("\($0)", "cannot allocate a buffer of -1 elements")
    }
    let a = try allocator.allocate(count: 1)
    try allocator.free(a)
    XCTAssertThrowsError(try allocator.free(a)) {
      XCTAssertEqual("\($0)", "buffer 0 was already freed")
    }
    let stranger = try ActivationAllocator().allocate(count: 1)
    XCTAssertThrowsError(try allocator.free(stranger)) {
      XCTAssertEqual("\($0)", "buffer 0 does not belong to this allocator")
    }
  }

  // MARK: Input checks

  func testMLPRejectsMalformedDescriptions() {
    XCTAssertThrowsError(try MLP(widths: [3], weights: [], biases: [], activation: .relu)) {
      XCTAssertEqual("\($0)", "an MLP needs at least one layer")
    }
    XCTAssertThrowsError(
      try MLP(widths: [2, 2], weights: [[1, 2, 3]], biases: [[0, 0]], activation: .relu)
    ) {
      XCTAssertEqual("\($0)", "layer 0 needs 4 weights, got 3")
    }
    XCTAssertThrowsError(try MLP.random(widths: [2, 0], seed: 1))
  }

  func testGraphRejectsImpossibleGraphs() {
    let tensors = [GraphTensor("a", bytes: 1), GraphTensor("b", bytes: 1)]
    XCTAssertThrowsError(
      try ComputationGraph(
        tensors: tensors, operations: [GraphOperation("f", inputs: [1], outputs: [1])],
        order: [0], outputs: [])
    ) {
      XCTAssertEqual("\($0)", "operation f reads b before it is written")
    }
    XCTAssertThrowsError(
      try ComputationGraph(
        tensors: tensors, operations: [GraphOperation("f", inputs: [0], outputs: [1])],
        order: [1], outputs: [])
    ) {
      XCTAssertEqual("\($0)", "order [1] is not a permutation of operations 0..<1")
    }
    XCTAssertThrowsError(
      try ComputationGraph(
        tensors: tensors + [GraphTensor("idle", bytes: 3)],
        operations: [GraphOperation("f", inputs: [0], outputs: [1])], order: [0], outputs: [])
    ) {
      XCTAssertEqual("\($0)", "tensor idle is neither read nor written")
    }
  }

  func testForwardRejectsInputOfTheWrongSize() throws {
    let mlp = try MLP.random(widths: [3, 2], seed: 7)
    XCTAssertThrowsError(
      try NaiveForward.forward(mlp, input: [1, 2], batch: 1, allocator: ActivationAllocator())
    ) {
      XCTAssertEqual("\($0)", "a batch of 1 × 3 features needs 3 values, got 2")
    }
  }

  // MARK: Naive forward

  func testNaiveForwardKeepsOneBufferPerLayer() throws {
    let mlp = try MLP(
      widths: [2, 3, 1], weights: [[1, 2, -1, 1, 0.5, -2], [1, -1, 4]],
      biases: [[0, 1, 0.25], [-1]], activation: .relu)
    let allocator = ActivationAllocator()
    let output = try NaiveForward.forward(
      mlp, input: [1, 2, 3, -1], batch: 2, allocator: allocator)
    XCTAssertEqual(output, [2, 15])
    XCTAssertEqual(allocator.allocationCount, 3)
    XCTAssertEqual(allocator.peakBytes, (2 + 3 + 1) * 2 * 4)
    XCTAssertEqual(allocator.liveBytes, 0)
  }

  // MARK: Figures and pictures

  func testFiguresHaveUniqueIdsAndTheSourcesValues() {
    let figures = InferenceMemoryFigures.all
    assertFiguresComputed(figures)
    // Values stated in FACTS.md sections 1 and 3, worked out independently of the kit.
    assertFigureTexts(
      figures,
      [
        "gpt3-small-params": "125.1M", "gpt3-xl-params": "1.315B", "gpt3-13b-params": "12.95B",
        "gpt3-13b-5120-params": "12.85B", "gpt3-175b-params": "174.59B",
        "gpt3-175b-nominal-fp16": "350 GB", "gpt3-175b-nominal-fp32": "700 GB",
        "rule-13b-weights": "26 GB", "rule-13b-total": "31.2 GB", "act-lecture-fp16": "78.64 GB",
        "bytes-int4": "0.5",
      ])
  }

  func testPicturesRenderStandaloneSVGAndCompactTerminalText() {
    XCTAssertEqual(
      InferenceMemoryPictures.all.map(\.id),
      ["inference-timeline", "block-lifetimes", "block-lifetimes-optimal"])
    assertPicturesStandalone(InferenceMemoryPictures.all, svgEnding: "</svg>\n", widest: 80)
    for picture in InferenceMemoryPictures.all {
      XCTAssertFalse(picture.svg().contains("<script"), picture.id)
    }
  }
}
