import Course

/// placeholder
public enum WorkbookKitPlaceholder {}
