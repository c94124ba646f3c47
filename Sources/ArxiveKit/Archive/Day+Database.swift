import GRDB

// Days and months are stored as their text (`YYYY-MM-DD`, `YYYY-MM`): the
// columns compare and sort as the values do. A stored text that is no day
// reads as nil (GRDB then reports the column), never as a wrong day.

extension Day: DatabaseValueConvertible {
    public var databaseValue: DatabaseValue { text.databaseValue }

    public static func fromDatabaseValue(_ dbValue: DatabaseValue) -> Day? {
        String.fromDatabaseValue(dbValue).flatMap(Day.init)
    }
}

extension Month: DatabaseValueConvertible {
    public var databaseValue: DatabaseValue { text.databaseValue }

    public static func fromDatabaseValue(_ dbValue: DatabaseValue) -> Month? {
        String.fromDatabaseValue(dbValue).flatMap(Month.init)
    }
}
