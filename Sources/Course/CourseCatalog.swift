/// What the code knows that a lesson refers to: computed figures and generated pictures.
public struct CourseCatalog: Sendable {
  /// Figure id → the text a lesson must show for it.
  public let figures: [String: String]
  /// The ids of the pictures code can draw.
  public let pictures: Set<String>
  /// Whether lessons are checked against the figures and pictures; `unchecked` skips both, for
  /// commands that need only the exercises and should start at once.
  public let checksCode: Bool

  /// Creates a catalogue.
  public init(figures: [String: String], pictures: Set<String>) {
    self.figures = figures
    self.pictures = pictures
    self.checksCode = true
  }

  private init() {
    figures = [:]
    pictures = []
    checksCode = false
  }

  /// A catalogue that checks no figure or picture: the course's structure and exercises only.
  public static let unchecked = CourseCatalog()
}
