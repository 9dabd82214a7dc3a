import Checkpointing
import Harness
import HarnessXCTest
import XCTest

/// Unit tests of the kit in Sources/Checkpointing: the store's meter, the one-line errors, and
/// the figures and pictures the lesson shows.
final class CheckpointingKitTests: XCTestCase {
  // MARK: Store and chain

  func testStoreMetersWhatTheChainWrites() throws {
    let chain = try Chain.uniform(depth: 3, width: 4, seed: 7)
    let input = try Tensor(rows: 2, columns: 2, values: [0.1, 0.2, 0.3, 0.4])
    let store = ActivationStore()
    try store.storeInput(input)
    for layer in 0..<3 { try chain.forward(layer: layer, in: store) }
    XCTAssertEqual(store.liveIndices, [0, 1, 2, 3])
    XCTAssertEqual(store.peakLiveCount, 4)
    XCTAssertEqual(store.forwardCalls, 3)
    // Bytes: 2 rows × (2 + 4 + 4 + 1) features × 8 bytes.
    XCTAssertEqual(store.peakLiveBytes, 2 * 11 * 8)
    XCTAssertEqual(store.peakLiveBytes, chain.activationBytes(rows: 2).reduce(0, +))
    try store.free(2)
    XCTAssertEqual(store.liveCount, 3)
    XCTAssertEqual(store.timeline.last?.operation, .free(index: 2))
  }

  func testStoreAndChainRefuseBadRequestsInOneLine() throws {
    let chain = try Chain.uniform(depth: 2, width: 3, seed: 1)
    let store = ActivationStore()
    try assertOneLineError(try store.free(0), mentioning: "not stored")
    try assertOneLineError(try chain.forward(layer: 0, in: store), mentioning: "activation 0")
    try store.storeInput(try Tensor(rows: 1, columns: 2, values: [1, 2]))
    try assertOneLineError(
      try store.storeInput(try Tensor(rows: 1, columns: 2, values: [1, 2])),
      mentioning: "already stored")
    try chain.forward(layer: 0, in: store)
    try assertOneLineError(try chain.forward(layer: 0, in: store), mentioning: "already stored")
    try assertOneLineError(try chain.forward(layer: 5, in: store), mentioning: "layer 5")
    try assertOneLineError(
      try chain.backward(
        layer: 0, outputGradient: .zeros(rows: 2, columns: 3), in: store),
      mentioning: "output gradient")
    // A different batch stored as the input must not reach the layer's arithmetic.
    try store.free(0)
    try store.storeInput(try Tensor(rows: 3, columns: 2, values: [1, 2, 3, 4, 5, 6]))
    try assertOneLineError(
      try chain.backward(layer: 0, outputGradient: .zeros(rows: 1, columns: 3), in: store),
      mentioning: "same batch")
    try assertOneLineError(
      try Tensor(rows: 2, columns: 2, values: [1]), mentioning: "needs 4 values")
    try assertOneLineError(try Chain(layers: [], loss: .logistic), mentioning: "at least one")
    try assertOneLineError(try Adam(learningRate: -1), mentioning: "learning rate")
    try assertOneLineError(
      try SwapProblem(layers: [], bandwidth: 0, memoryBudget: 1), mentioning: "bandwidth")
  }

  func testChainRejectsMismatchedWidths() throws {
    let first = try Layer(
      inputWidth: 2, outputWidth: 3, activation: .tanh, weights: [Double](repeating: 0, count: 6),
      bias: [0, 0, 0])
    let second = try Layer(
      inputWidth: 2, outputWidth: 1, activation: .identity, weights: [1, 1], bias: [0])
    try assertOneLineError(
      try Chain(layers: [first, second], loss: .meanSquaredError), mentioning: "layer 1 takes 2")
  }

  // MARK: Loss and Adam

  func testLossesAreBatchMeans() throws {
    let output = try Tensor(rows: 2, columns: 1, values: [1, 3])
    let targets = try Tensor(rows: 2, columns: 1, values: [0, 1])
    let squared = try Loss.meanSquaredError.evaluate(output: output, targets: targets)
    XCTAssertEqual(squared.value, (0.5 + 2) / 2)
    XCTAssertEqual(squared.gradient.values, [0.5, 1])
    let logistic = try Loss.logistic.evaluate(
      output: try Tensor(rows: 1, columns: 1, values: [0]),
      targets: try Tensor(
        rows: 1, columns: 1, values: [1]))
    XCTAssertEqual(logistic.value, log(2), accuracy: 1e-15)
    XCTAssertEqual(logistic.gradient.values, [-0.5])
  }

  func testAdamFirstStepMovesEachParameterByTheLearningRate() throws {
    // After one step m̂ = g and v̂ = g², so every parameter moves by lr·g/(|g| + ε) ≈ lr·sign(g).
    var chain = try Chain.uniform(depth: 1, width: 1, inputWidth: 1, outputWidth: 1, seed: 2)
    let before = chain.layers[0]
    var adam = try Adam(learningRate: 0.1)
    try adam.update(
      &chain, with: Gradients(layers: [LayerGradients(weights: [2], bias: [-0.5])]))
    XCTAssertEqual(chain.layers[0].weights[0], before.weights[0] - 0.1, accuracy: 1e-8)
    XCTAssertEqual(chain.layers[0].bias[0], before.bias[0] + 0.1, accuracy: 1e-8)
    XCTAssertEqual(adam.steps, 1)
    try assertOneLineError(
      try adam.update(&chain, with: Gradients(layers: [])), mentioning: "not shaped like")
  }

  // MARK: Figures and pictures

  func testFiguresHaveUniqueIdsAndText() {
    assertFiguresComputed(CheckpointingFigures.all)
  }

  func testTradeoffFiguresFollowTheClosedForms() {
    let figures = Dictionary(
      uniqueKeysWithValues: CheckpointingFigures.all.map { ($0.id, $0.text) })
    for depth in [16, 64, 256] {
      let k = Int(Double(depth).squareRoot())
      XCTAssertEqual(figures["peak-store-all-\(depth)"], "\(depth + 1)")
      XCTAssertEqual(figures["peak-sqrt-\(depth)"], "\(depth / k + k)")
      XCTAssertEqual(figures["extra-sqrt-\(depth)"], "\(depth - depth / k)")
      XCTAssertEqual(figures["extra-recompute-\(depth)"], "\(depth * (depth - 1) / 2)")
    }
    XCTAssertEqual(figures["revolve-16-1"], "120")
    XCTAssertEqual(figures["pytorch-chunks-10-3"], "3, 3, 4")
  }

  func testPicturesDrawStandaloneSVGAndPlainTerminalText() {
    XCTAssertEqual(
      CheckpointingPictures.all.map(\.id),
      ["checkpoint-timeline", "checkpoint-tradeoff", "swap-timeline"])
    assertPicturesStandalone(CheckpointingPictures.all)
  }

  private func assertOneLineError(
    _ body: @autoclosure () throws -> some Any, mentioning words: String,
    file: StaticString = #filePath, line: UInt = #line
  ) throws {
    XCTAssertThrowsError(try body(), file: file, line: line) { error in
      let message = "\(error)"
      XCTAssertTrue(error is CheckpointingError, "\(message)", file: file, line: line)
      XCTAssertFalse(message.contains("\n"), message, file: file, line: line)
      XCTAssertTrue(message.contains(words), message, file: file, line: line)
    }
  }
}
