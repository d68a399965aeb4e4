"""Small helpers every layer may import: the user's calendar, bounded form fields, the CSV
writer, paging, letters' greetings, URLs without reverse(). None of them imports an app."""
