import catalog
import pricing

print(catalog.price("tea"))
print(pricing.cheapest())
