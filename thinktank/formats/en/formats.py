# Dates as think-tank sites show them in English: "Nov 27, 2023".
DATE_FORMAT = "M j, Y"
