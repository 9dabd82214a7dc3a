/// Where a backward pass puts the gradients it computes for parameters, with a meter on it.
///
/// The harness hands a store to the student's backward and reads what came back: each buffer's
/// name and element count. A frozen parameter needs no gradient, so a LoRA backward stores "A"
/// and "B" and nothing the size of W: the store shows it, the student does not report it.
public final class GradientStore {
  private var stored: [String: [Float]] = [:]
  /// The buffers stored so far, in order: (name, element count).
  public private(set) var buffers: [(name: String, count: Int)] = []

  /// Creates an empty store.
  public init() {}

  /// Stores the gradient of the parameter `name`; throws `duplicateGradient` if it is stored.
  public func store(_ name: String, _ gradient: [Float]) throws {
    guard stored[name] == nil else { throw ServingError.duplicateGradient(name) }
    stored[name] = gradient
    buffers.append((name, gradient.count))
  }

  /// The gradient stored under `name`.
  public func gradient(_ name: String) -> [Float]? {
    stored[name]
  }

  /// Gradient elements stored, over every buffer.
  public var totalElements: Int {
    buffers.reduce(0) { $0 + $1.count }
  }

  /// The element count of the largest buffer (0 when empty).
  public var largestBuffer: Int {
    buffers.map(\.count).max() ?? 0
  }
}
