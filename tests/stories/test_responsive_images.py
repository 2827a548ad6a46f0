"""Images reach readers as responsive pictures: AVIF and WebP with a JPEG fallback,
several widths with `sizes`, width and height set, lazy below the fold."""

import re

from wagtail_factories import ImageFactory

from tests.stories.factories import StoryPageFactory


def test_a_story_lead_image_is_a_responsive_picture_and_its_card_loads_lazily(client, story_index):
    image = ImageFactory(file__width=1200, file__height=800)
    story = StoryPageFactory(
        parent=story_index, lead_image=image, lead_image_alt="Members at a council meeting"
    )

    html = client.get(story.url).text
    picture = re.search(r"<picture>.*?</picture>", html, re.S).group(0)
    assert 'type="image/avif"' in picture
    assert 'type="image/webp"' in picture
    assert re.search(r'<img [^>]*srcset="[^"]*480w[^"]*960w', picture)
    assert 'sizes="(min-width: 62rem) 960px, 100vw"' in picture
    assert re.search(
        r'<img [^>]*width="\d+"[^>]*height="\d+"|height="\d+"[^>]*width="\d+"', picture
    )
    assert 'loading="lazy"' not in picture  # the largest paint of the page loads first

    card = client.get(story_index.url).text
    assert re.search(r'<img [^>]*class="story-card__image"[^>]*loading="lazy"', card) or (
        'loading="lazy"' in card and "story-card__image" in card
    )
