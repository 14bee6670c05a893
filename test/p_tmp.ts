import { parsePeriod, parseStackedPeriod } from "../src/core/periods";
for (const s of ["Year 2024-25", "Apr-Jun", "Jan-Mar", "Apr-Jun 2024", "2024-25", "FY 2024/25", "Financial year 2024/25", "Year ending March 2025", "Quarter ending"]) console.log(s, JSON.stringify(parsePeriod(s)));
console.log(JSON.stringify(parseStackedPeriod(["2024-25", "Jan-Mar"])));
console.log(JSON.stringify(parseStackedPeriod(["Year 2024-25", "Jan-Mar"])));
console.log(JSON.stringify(parseStackedPeriod([{value:"Quarter ending",text:"Quarter ending",numberFormat:"General"} as never, {value:45473,text:"Jun 24",numberFormat:"mmm yy"} as never])));
