/* lorem: placeholder filler ("Lorem ipsum dolor sit amet...").
 *
 * Templates fill empty teaser slots with Latin-looking text. A line is
 * filler when at least 30% of its words (and three or more) are words
 * typical of such filler that are not also common words of a living
 * language ("et", "est", "non", "in" do not count). */
#ifndef ND_CLEAN_LOREM_H
#define ND_CLEAN_LOREM_H

#include <stdbool.h> /* bool */
#include <stddef.h>  /* size_t */

/* True when the line s[0..len) is filler text. */
bool nd_clean_is_lorem(const char *s, size_t len);

#endif
